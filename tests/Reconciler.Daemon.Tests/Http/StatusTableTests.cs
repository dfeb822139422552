using Reconciler.Daemon.Commands;
using Reconciler.Daemon.Http;

namespace Reconciler.Daemon.Tests.Http;

/// <summary>The plain-text table of <c>reconciler status</c>, rendered from a /status document.</summary>
public sealed class StatusTableTests
{
    private static ResourceDocument Resource(string name, string health, string? lkg) => new(
        "EcsService", name, "Synced", health, "0123456789abcdef0123", "0123456789abcdef0123", lkg, $"{name} message",
        null, 0, false, null, [], []);

    [Test]
    public void Columns_are_aligned_revisions_shortened_and_the_known_good_is_the_revision_name()
    {
        var document = new StatusDocument(new SourceDocument("git https://git.example/deploy branch main path .", "0123456789abcdef0123", null, null, []),
        [
            Resource("web", "Healthy", "arn:aws:ecs:us-east-1:000000000000:task-definition/web:7"),
            Resource("payments-worker", "Degraded", null),
        ]);

        var lines = StatusTable.Render(document).Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

        Assert.That(lines[0], Is.EqualTo("source: git https://git.example/deploy branch main path . @ 0123456789ab"));
        Assert.That(lines[1], Does.StartWith("KIND        NAME             SYNC    HEALTH    DESIRED       APPLIED       LAST KNOWN-GOOD  MESSAGE"));
        Assert.That(lines[2], Is.EqualTo("EcsService  web              Synced  Healthy   0123456789ab  0123456789ab  web:7            web message"));
        Assert.That(lines[3], Is.EqualTo("EcsService  payments-worker  Synced  Degraded  0123456789ab  0123456789ab  -                payments-worker message"));
    }

    [Test]
    public void A_shard_says_how_many_resources_the_other_shards_report()
    {
        var document = new StatusDocument(new SourceDocument("git x", "0123456789abcdef0123", null, null, []), [Resource("web", "Healthy", null)],
            new ShardDocument(1, 3, 1, 7));

        Assert.That(StatusTable.Render(document).Split(Environment.NewLine)[1],
            Is.EqualTo("shard 1/3: 1 resources here, 7 on the other shards (ask pod ordinal N for shard N)"));
    }

    [Test]
    public void Fetch_and_manifest_errors_are_shown_above_the_table()
    {
        var document = new StatusDocument(
            new SourceDocument("git x", null, null, "could not fetch: repository not found", ["services/web.yaml:8:17: error RC0008: expected a whole number"]), []);

        var text = StatusTable.Render(document);

        Assert.That(text, Does.Contain("source: git x @ -  fetch error: could not fetch: repository not found"));
        Assert.That(text, Does.Contain("  manifest error: services/web.yaml:8:17: error RC0008: expected a whole number"));
    }
}
