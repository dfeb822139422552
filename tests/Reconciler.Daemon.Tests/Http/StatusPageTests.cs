using Reconciler.Daemon.Http;

namespace Reconciler.Daemon.Tests.Http;

/// <summary>The status page's HTML: every value encoded, the source's errors listed, a page that reloads itself.</summary>
public sealed class StatusPageTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 9, 30, 0, TimeSpan.Zero);

    [Test]
    public void Values_that_look_like_markup_are_shown_as_text_never_run()
    {
        var status = Status(message: "<script>alert('x')</script> & \"quoted\"", error: "services/<b>web</b>.yaml:3: bad");

        var html = StatusPage.Render(status, Now);

        Assert.That(html, Does.Not.Contain("<script>alert").And.Not.Contain("<b>web</b>"));
        Assert.That(html, Does.Contain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;"));
        Assert.That(html, Does.Contain("services/&lt;b&gt;web&lt;/b&gt;.yaml:3: bad"));
    }

    [Test]
    public void The_page_reloads_itself_and_names_the_source_revision_and_each_resource()
    {
        var html = StatusPage.Render(Status(message: "2/2 tasks running", error: null), Now);

        Assert.That(html, Does.Contain("<meta http-equiv=\"refresh\" content=\"5\">"));
        Assert.That(html, Does.Contain("0123456789abcdef"));
        Assert.That(html, Does.Contain("<td class=\"name\">web</td>"));
        Assert.That(html, Does.Contain(">web:3<"), "the last known-good task definition, short");
        Assert.That(html, Does.Contain("2026-05-01 09:30:00 UTC"));
        Assert.That(html, Does.Not.Contain("Manifest errors"), "no error section when there is none");
    }

    [Test]
    public void A_verification_shows_its_result_and_each_checks_counts_and_evidence_as_text()
    {
        var verification = new Engine.Status.VerificationStatus("arn:aws:ecs:us-east-1:1:task-definition/web:4", Now, "failed",
            [new Engine.Status.VerificationCheckStatus("readiness", "http", 2, 1, 0, Now, "fail", "status 500, body: <h1>down</h1>")]);
        var status = Status("rolled back", null);
        status = status with { Resources = [status.Resources[0] with { Verification = verification }] };

        var html = StatusPage.Render(status, Now);

        Assert.That(html, Does.Contain("verify web:4: <span class=\"badge err\">failed</span>"));
        Assert.That(html, Does.Contain("readiness (http): 2 passed, 1 failed, 0 inconclusive — last: status 500, body: &lt;h1&gt;down&lt;/h1&gt;"));
    }

    private static StatusDocument Status(string message, string? error) => new(
        new SourceDocument("git https://example/repo branch main", "0123456789abcdef", Now, null, error is null ? [] : [error]),
        [new ResourceDocument("EcsService", "web", "Synced", "Healthy", "0123456789abcdef", "0123456789abcdef",
            "arn:aws:ecs:us-east-1:1:task-definition/web:3", message, null, 0, false, Now, [],
            [new EventDocument(Now, "Normal", "Completed", "rollout of web:3 completed")])]);
}
