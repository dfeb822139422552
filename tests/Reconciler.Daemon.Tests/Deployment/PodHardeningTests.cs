using System.Text.Json.Nodes;

namespace Reconciler.Daemon.Tests.Deployment;

/// <summary>
/// Issue 9, item 1: the pod runs as uid 10001 with a read-only root file system, no privilege escalation, no
/// capabilities and the RuntimeDefault seccomp profile, whatever the other values; only emptyDirs are writable.
/// </summary>
[TestFixture("minimal-values.yaml")]
[TestFixture("full-values.yaml")]
public sealed class PodHardeningTests(string values)
{
    private RenderedObjects rendered = null!;

    [OneTimeSetUp]
    public async Task Render() => rendered = await Chart.RenderAsync("-f", Chart.CiValues(values));

    [Test]
    public void The_pod_runs_as_a_non_root_user_and_group_with_the_RuntimeDefault_seccomp_profile()
    {
        var pod = rendered.PodSpec()["securityContext"]!;

        Assert.That((bool?)pod["runAsNonRoot"], Is.True);
        Assert.That(((int?)pod["runAsUser"], (int?)pod["runAsGroup"], (int?)pod["fsGroup"]), Is.EqualTo((10001, 10001, 10001)));
        Assert.That((string?)pod["seccompProfile"]!["type"], Is.EqualTo("RuntimeDefault"));
    }

    [Test]
    public void The_container_cannot_escalate_drops_every_capability_and_has_a_read_only_root()
    {
        var container = rendered.Container()["securityContext"]!;

        Assert.That((bool?)container["allowPrivilegeEscalation"], Is.False);
        Assert.That((bool?)container["readOnlyRootFilesystem"], Is.True);
        Assert.That((bool?)container["privileged"], Is.False);
        Assert.That(container["capabilities"]!["drop"]!.AsArray().Select(c => (string?)c), Is.EqualTo(new[] { "ALL" }));
        Assert.That(container["capabilities"]!["add"], Is.Null);
    }

    [Test]
    public void Only_the_git_work_dir_and_tmp_are_writable_and_both_are_size_limited_emptyDirs()
    {
        var volumes = rendered.PodSpec()["volumes"]!.AsArray().ToDictionary(v => (string)v!["name"]!, v => v!.AsObject());
        var writable = rendered.Container()["volumeMounts"]!.AsArray().Where(m => (bool?)m!["readOnly"] != true)
            .ToDictionary(m => (string)m!["mountPath"]!, m => (string)m!["name"]!);

        Assert.That(writable.Keys, Is.EquivalentTo(new[] { "/tmp", "/var/lib/reconciler" }));
        foreach (var name in writable.Values)
        {
            Assert.That(volumes[name]["emptyDir"]?["sizeLimit"], Is.Not.Null, $"volume {name} is not a size-limited emptyDir");
        }
        Assert.That(rendered.Flag("--work-dir"), Is.EqualTo("/var/lib/reconciler"));
        Assert.That(Env("HOME"), Is.EqualTo("/tmp"), "HOME must be on a writable volume for git and ssh");
    }

    [Test]
    public void Liveness_asks_healthz_and_readiness_asks_readyz_on_the_http_port()
    {
        var container = rendered.Container();

        Assert.That(Probe(container, "livenessProbe"), Is.EqualTo(("/healthz", "http")));
        Assert.That(Probe(container, "readinessProbe"), Is.EqualTo(("/readyz", "http")));
        var port = container["ports"]!.AsArray().Single()!;
        Assert.That(((string?)port["name"], (int?)port["containerPort"]), Is.EqualTo(("http", 8080)));
        Assert.That(rendered.Flag("--listen"), Is.EqualTo("0.0.0.0:8080"));
    }

    [Test]
    public void The_pod_gets_no_Kubernetes_API_token_and_has_resources_set()
    {
        Assert.That((bool?)rendered.PodSpec()["automountServiceAccountToken"], Is.False);
        var resources = rendered.Container()["resources"]!;
        Assert.That(resources["requests"]!["cpu"], Is.Not.Null);
        Assert.That(resources["requests"]!["memory"], Is.Not.Null);
        Assert.That(resources["limits"]!["memory"], Is.Not.Null);
    }

    private string? Env(string name) =>
        (string?)rendered.Container()["env"]!.AsArray().SingleOrDefault(e => (string?)e!["name"] == name)?["value"];

    private static (string?, string?) Probe(JsonObject container, string probe) =>
        ((string?)container[probe]!["httpGet"]!["path"], (string?)container[probe]!["httpGet"]!["port"]);
}
