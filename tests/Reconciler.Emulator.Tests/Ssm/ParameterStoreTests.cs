using Reconciler.Emulator.Tests.Support;

namespace Reconciler.Emulator.Tests.Ssm;

/// <summary>SSM Parameter Store: versions, SecureString decryption, batch and path reads.</summary>
internal sealed class ParameterStoreTests : EmulatorTestBase
{
    [Test]
    public async Task A_parameter_is_read_back_with_every_member_AWS_returns()
    {
        var put = await Aws.SsmOkAsync("PutParameter", new { Name = "/shop/prod/db-host", Value = "db.internal", Type = "String" });
        var parameter = (await Aws.SsmOkAsync("GetParameter", new { Name = "/shop/prod/db-host" }))["Parameter"]!;

        Assert.That(put["Version"]!.GetValue<long>(), Is.EqualTo(1));
        Assert.That(parameter.Text("Value"), Is.EqualTo("db.internal"));
        Assert.That(parameter.Text("Type"), Is.EqualTo("String"));
        Assert.That(parameter.Text("DataType"), Is.EqualTo("text"));
        Assert.That(parameter.Text("ARN"), Is.EqualTo("arn:aws:ssm:us-east-1:000000000000:parameter/shop/prod/db-host"));
        Assert.That(parameter["LastModifiedDate"]!.GetValue<double>(), Is.EqualTo(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds()));
    }

    [Test]
    public async Task Overwriting_increments_the_version_and_writing_without_Overwrite_is_ParameterAlreadyExists()
    {
        await Aws.SsmOkAsync("PutParameter", new { Name = "/a", Value = "1", Type = "String" });

        var refused = await Aws.SsmAsync("PutParameter", new { Name = "/a", Value = "2" });
        var second = await Aws.SsmOkAsync("PutParameter", new { Name = "/a", Value = "2", Overwrite = true });
        var read = (await Aws.SsmOkAsync("GetParameter", new { Name = "/a" }))["Parameter"]!;

        Assert.That(refused.ErrorType, Is.EqualTo("ParameterAlreadyExists"));
        Assert.That(second["Version"]!.GetValue<long>(), Is.EqualTo(2));
        Assert.That((read.Text("Value"), read["Version"]!.GetValue<long>()), Is.EqualTo(("2", 2L)));
    }

    [Test]
    public async Task A_SecureString_is_returned_encrypted_without_WithDecryption_and_in_plaintext_with_it()
    {
        await Aws.SsmOkAsync("PutParameter", new { Name = "/shop/prod/db-password", Value = "hunter2", Type = "SecureString" });

        var hidden = (await Aws.SsmOkAsync("GetParameter", new { Name = "/shop/prod/db-password" }))["Parameter"].Text("Value");
        var shown = (await Aws.SsmOkAsync("GetParameter", new { Name = "/shop/prod/db-password", WithDecryption = true }))["Parameter"].Text("Value");

        Assert.That(hidden, Does.Not.Contain("hunter2"));
        Assert.That(hidden, Does.StartWith("AQICAH"));
        Assert.That(Convert.FromBase64String(hidden), Is.Not.Empty);
        Assert.That(shown, Is.EqualTo("hunter2"));
    }

    [Test]
    public async Task GetParameter_for_a_missing_name_is_ParameterNotFound()
    {
        var response = await Aws.SsmAsync("GetParameter", new { Name = "/nope" });

        Assert.That(response.ErrorType, Is.EqualTo("ParameterNotFound"));
    }

    [Test]
    public async Task GetParameters_returns_found_parameters_and_names_the_missing_ones_as_InvalidParameters()
    {
        await Aws.SsmOkAsync("PutParameter", new { Name = "/a", Value = "1", Type = "String" });

        var response = await Aws.SsmOkAsync("GetParameters", new { Names = new[] { "/a", "/missing" } });

        Assert.That(response["Parameters"]!.AsArray().Select(p => p.Text("Name")), Is.EqualTo(new[] { "/a" }));
        Assert.That(response["InvalidParameters"]!.AsArray().Select(p => p!.GetValue<string>()), Is.EqualTo(new[] { "/missing" }));
    }

    [Test]
    public async Task GetParameters_with_more_than_10_names_is_a_ValidationException()
    {
        var response = await Aws.SsmAsync("GetParameters", new { Names = Enumerable.Range(0, 11).Select(i => $"/p{i}").ToArray() });

        Assert.That(response.ErrorType, Is.EqualTo("ValidationException"));
    }

    [Test]
    public async Task GetParametersByPath_reads_one_level_or_recursively_and_pages()
    {
        foreach (var name in new[] { "/shop/a", "/shop/b", "/shop/c", "/shop/deep/d", "/other/e" })
        {
            await Aws.SsmOkAsync("PutParameter", new { Name = name, Value = "v", Type = "String" });
        }

        var level = await Aws.SsmOkAsync("GetParametersByPath", new { Path = "/shop" });
        var page1 = await Aws.SsmOkAsync("GetParametersByPath", new { Path = "/shop", Recursive = true, MaxResults = 3 });
        var page2 = await Aws.SsmOkAsync("GetParametersByPath", new { Path = "/shop", Recursive = true, MaxResults = 3, NextToken = page1.Text("NextToken") });

        Assert.That(level["Parameters"]!.AsArray().Select(p => p.Text("Name")), Is.EqualTo(new[] { "/shop/a", "/shop/b", "/shop/c" }));
        Assert.That(page1["Parameters"]!.AsArray().Concat(page2["Parameters"]!.AsArray()).Select(p => p.Text("Name")),
            Is.EqualTo(new[] { "/shop/a", "/shop/b", "/shop/c", "/shop/deep/d" }));
        Assert.That(page2["NextToken"], Is.Null);
    }

    [Test]
    public async Task Deleting_removes_the_parameter_and_deleting_again_is_ParameterNotFound()
    {
        await Aws.SsmOkAsync("PutParameter", new { Name = "/a", Value = "1", Type = "String" });

        await Aws.SsmOkAsync("DeleteParameter", new { Name = "/a" });
        var again = await Aws.SsmAsync("DeleteParameter", new { Name = "/a" });

        Assert.That(again.ErrorType, Is.EqualTo("ParameterNotFound"));
        Assert.That((await Aws.SsmAsync("GetParameter", new { Name = "/a" })).ErrorType, Is.EqualTo("ParameterNotFound"));
    }

    [Test]
    public async Task Creating_a_parameter_without_a_Type_is_a_ValidationException()
    {
        var response = await Aws.SsmAsync("PutParameter", new { Name = "/a", Value = "1" });

        Assert.That(response.ErrorType, Is.EqualTo("ValidationException"));
    }

    [Test]
    public async Task A_parameter_can_be_read_by_its_ARN_as_ECS_secrets_reference_it()
    {
        await Aws.SsmOkAsync("PutParameter", new { Name = "/shop/prod/db-host", Value = "db.internal", Type = "String" });

        var one = await Aws.SsmOkAsync("GetParameter", new { Name = "arn:aws:ssm:us-east-1:000000000000:parameter/shop/prod/db-host" });
        var many = await Aws.SsmOkAsync("GetParameters", new { Names = new[] { "arn:aws:ssm:us-east-1:000000000000:parameter/shop/prod/db-host" } });

        Assert.That(one["Parameter"].Text("Name"), Is.EqualTo("/shop/prod/db-host"));
        Assert.That(many["Parameters"]!.AsArray(), Has.Count.EqualTo(1));
    }
}
