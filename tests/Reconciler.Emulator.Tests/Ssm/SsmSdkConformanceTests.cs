using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using Reconciler.Emulator.Tests.Support;

namespace Reconciler.Emulator.Tests.Ssm;

/// <summary>
/// The emulator's SSM surface as the official AWSSDK.SimpleSystemsManagement client sees it — the same client the
/// reconciler uses, so whatever the SDK sends and expects back, the emulator must speak.
/// </summary>
internal sealed class SsmSdkConformanceTests : EmulatorTestBase
{
    private const string Region = "us-east-1";
    private AmazonSimpleSystemsManagementClient _ssm = null!;

    [SetUp]
    public void CreateClient() => _ssm = new AmazonSimpleSystemsManagementClient(
        new BasicAWSCredentials("AKIAEMULATOR", "emulator-secret"),
        new AmazonSimpleSystemsManagementConfig
        {
            ServiceURL = Emulator.BaseUri.ToString(), AuthenticationRegion = Region, MaxErrorRetry = 0, IgnoreConfiguredEndpointUrls = true,
        });

    [TearDown]
    public void DisposeClient() => _ssm.Dispose();

    [Test]
    public async Task GetParameters_returns_a_String_parameter_with_its_value_version_and_ARN()
    {
        await PutAsync("/shop/prod/log-level", "debug", ParameterType.String);

        var response = await _ssm.GetParametersAsync(new GetParametersRequest { Names = ["/shop/prod/log-level"], WithDecryption = false });

        var parameter = response.Parameters.Single();
        Assert.Multiple(() =>
        {
            Assert.That((parameter.Name, parameter.Value, parameter.Version), Is.EqualTo(("/shop/prod/log-level", "debug", 1L)));
            Assert.That(parameter.Type, Is.EqualTo(ParameterType.String));
            Assert.That(parameter.ARN, Is.EqualTo("arn:aws:ssm:us-east-1:000000000000:parameter/shop/prod/log-level"));
            Assert.That(parameter.LastModifiedDate, Is.EqualTo(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
        });
    }

    [Test]
    public async Task A_SecureString_without_decryption_comes_back_as_ciphertext_with_its_ARN()
    {
        await PutAsync("/shop/prod/db-password", "hunter2-canary", ParameterType.SecureString);

        var response = await _ssm.GetParametersAsync(new GetParametersRequest { Names = ["/shop/prod/db-password"], WithDecryption = false });

        var parameter = response.Parameters.Single();
        Assert.Multiple(() =>
        {
            Assert.That(parameter.Type, Is.EqualTo(ParameterType.SecureString));
            Assert.That(parameter.Value, Does.Not.Contain("hunter2-canary"));
            Assert.That(parameter.ARN, Is.EqualTo("arn:aws:ssm:us-east-1:000000000000:parameter/shop/prod/db-password"));
        });
    }

    [Test]
    public async Task Missing_names_come_back_in_InvalidParameters_next_to_the_found_ones()
    {
        await PutAsync("/a", "1", ParameterType.String);

        var response = await _ssm.GetParametersAsync(new GetParametersRequest { Names = ["/a", "/missing"] });

        Assert.That(response.Parameters.Select(p => p.Name), Is.EqualTo(new[] { "/a" }));
        Assert.That(response.InvalidParameters, Is.EqualTo(new[] { "/missing" }));
    }

    [Test]
    public void More_than_ten_names_is_a_ValidationException_the_SDK_can_read()
    {
        var request = new GetParametersRequest { Names = [.. Enumerable.Range(0, 11).Select(i => $"/p{i}")] };

        var error = Assert.CatchAsync<AmazonSimpleSystemsManagementException>(() => _ssm.GetParametersAsync(request))!;

        Assert.That(error.ErrorCode, Is.EqualTo("ValidationException"));
    }

    [Test]
    public void GetParameter_of_a_missing_name_is_the_SDKs_typed_ParameterNotFoundException()
    {
        Assert.ThrowsAsync<ParameterNotFoundException>(() => _ssm.GetParameterAsync(new GetParameterRequest { Name = "/nope" }));
    }

    [Test]
    public async Task The_SDKs_paginator_follows_NextToken_through_every_page_of_a_path()
    {
        var names = Enumerable.Range(1, 12).Select(i => $"/shop/key{i:00}").ToList();
        foreach (var name in names)
        {
            await PutAsync(name, "v", ParameterType.String);
        }

        var read = new List<string>();
        var paginator = _ssm.Paginators.GetParametersByPath(new GetParametersByPathRequest { Path = "/shop", MaxResults = 5 });
        var pages = 0;
        await foreach (var page in paginator.Responses)
        {
            pages++;
            read.AddRange(page.Parameters.Select(p => p.Name));
        }

        Assert.That(read, Is.EqualTo(names));
        Assert.That(pages, Is.EqualTo(3));
    }

    private Task PutAsync(string name, string value, ParameterType type) =>
        _ssm.PutParameterAsync(new PutParameterRequest { Name = name, Value = value, Type = type });
}
