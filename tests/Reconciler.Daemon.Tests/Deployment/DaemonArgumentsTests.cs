using System.Text.RegularExpressions;
using Reconciler.Daemon.Tests.Hosting;

namespace Reconciler.Daemon.Tests.Deployment;

/// <summary>
/// Issue 9, item 1: the chart passes the daemon's real flags — every install, minimal or with every option on; the
/// optional ones (sharding, git timeout, known_hosts, guardrails) only when their value is set.
/// </summary>
public sealed partial class DaemonArgumentsTests
{
    /// <summary>Flags the chart renders only when their value is set.</summary>
    private static readonly string[] Optional =
    [
        "--shard", "--known-hosts-file", "--git-timeout", "--max-writes-per-minute", "--allow-aws-accounts", "--allow-aws-regions",
        "--allow-ecs-clusters", "--allow-gcp-projects", "--allow-gcp-regions", "--prune-max-orphans", "--prune-max-orphan-share",
    ];

    [TestCase("minimal-values.yaml", TestName = "The minimal install passes only flags reconciler run has")]
    [TestCase("full-values.yaml", TestName = "The install with every option on passes only flags reconciler run has")]
    public async Task The_install_passes_only_flags_reconciler_run_has(string values)
    {
        var rendered = await Chart.RenderAsync("-f", Chart.CiValues(values));
        var home = Directory.CreateTempSubdirectory("reconciler-help-").FullName;
        try
        {
            var (_, help, _) = await ReconcilerBinary.RunAsync(home, "run", "--help");
            var known = FlagPattern().Matches(help).Select(m => m.Value).ToHashSet();

            Assert.That(rendered.Args()[0], Is.EqualTo("run"));
            Assert.That(rendered.Args().Where(a => a.StartsWith("--", StringComparison.Ordinal)), Is.SubsetOf(known), help);
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    [Test]
    public async Task The_minimal_install_has_no_secret_files_no_shard_and_none_of_the_optional_flags()
    {
        var rendered = await Chart.RenderAsync("-f", Chart.CiValues("minimal-values.yaml"));

        Assert.That(rendered.Args(), Has.None.AnyOf("--token-file", "--ssh-key-file", "--webhook-secret-file", "--api-token-file", "--status-requires-token"));
        Assert.That(rendered.Args().Intersect(Optional), Is.Empty);
        Assert.That(rendered.PodSpec()["volumes"]!.AsArray().Select(v => (string?)v!["name"]), Has.None.EqualTo("secrets"));
        Assert.That(rendered.Flag("--repo"), Is.EqualTo("https://git.example.com/platform/manifests.git"));
        Assert.That((int?)rendered.Single("StatefulSet")["spec"]!["replicas"], Is.EqualTo(1));
    }

    [TestCase("--token-file", "git-token", "reconciler-git", "token", TestName = "the git token is a file from its existing Secret")]
    [TestCase("--ssh-key-file", "ssh-key", "reconciler-git", "ssh-privatekey", TestName = "the SSH key is a file from its existing Secret")]
    [TestCase("--known-hosts-file", "known_hosts", "reconciler-git", "known_hosts", TestName = "known_hosts is a file from its existing Secret")]
    [TestCase("--webhook-secret-file", "webhook-secret", "reconciler-webhook", "secret", TestName = "the webhook secret is a file from its existing Secret")]
    [TestCase("--api-token-file", "api-token", "reconciler-api", "token", TestName = "the API token is a file from its existing Secret")]
    public async Task A_secret_reaches_the_daemon_only_as_a_read_only_file(string flag, string file, string secret, string key)
    {
        var rendered = await Chart.RenderAsync("-f", Chart.CiValues("full-values.yaml"));
        var mount = rendered.Container()["volumeMounts"]!.AsArray().Single(m => (string?)m!["name"] == "secrets")!;
        var projected = rendered.PodSpec()["volumes"]!.AsArray().Single(v => (string?)v!["name"] == "secrets")!["projected"]!;
        var sources = projected["sources"]!.AsArray();

        Assert.That((bool?)mount["readOnly"], Is.True);
        Assert.That((int?)projected["defaultMode"], Is.EqualTo(Convert.ToInt32("440", 8)), "owner and group may read, others not");
        Assert.That(rendered.Flag(flag), Is.EqualTo($"{mount["mountPath"]}/{file}"));
        Assert.That(sources.Select(s => s!["secret"]!).Where(s => (string?)s["items"]![0]!["path"] == file)
            .Select(s => ((string?)s["name"], (string?)s["items"]![0]!["key"])), Is.EqualTo(new[] { (secret, key) }));
        Assert.That(rendered.Container()["env"]!.ToJsonString(), Does.Not.Contain("secretKeyRef"), "secrets must not be environment values");
    }

    [Test]
    public async Task Three_replicas_are_three_shards_each_told_its_ordinal_from_the_pod_index_label()
    {
        var rendered = await Chart.RenderAsync("-f", Chart.CiValues("full-values.yaml"));
        var env = rendered.Container()["env"]!.AsArray().ToDictionary(e => (string)e!["name"]!, e => e!["valueFrom"]?["fieldRef"]?["fieldPath"]);

        Assert.That((int?)rendered.Single("StatefulSet")["spec"]!["replicas"], Is.EqualTo(3));
        Assert.That(rendered.Flag("--shard"), Is.EqualTo("$(SHARD_ORDINAL)/3"));
        Assert.That((string?)env["SHARD_ORDINAL"], Is.EqualTo("metadata.labels['apps.kubernetes.io/pod-index']"));
        Assert.That((string?)env["POD_NAME"], Is.EqualTo("metadata.name"));
        Assert.That(rendered.Flag("--git-timeout"), Is.EqualTo("3m"));
    }

    [Test]
    public async Task The_guardrails_become_the_daemons_allow_list_write_budget_and_prune_limits()
    {
        var rendered = await Chart.RenderAsync("-f", Chart.CiValues("full-values.yaml"));

        Assert.That(rendered.Flag("--max-writes-per-minute"), Is.EqualTo("60"));
        Assert.That(rendered.Flag("--allow-aws-accounts"), Is.EqualTo("111122223333"));
        Assert.That(rendered.Flag("--allow-aws-regions"), Is.EqualTo("eu-central-1,eu-west-1"));
        Assert.That(rendered.Flag("--allow-ecs-clusters"), Is.EqualTo("prod"));
        Assert.That(rendered.Flag("--allow-gcp-projects"), Is.EqualTo("platform-prod"));
        Assert.That(rendered.Flag("--allow-gcp-regions"), Is.EqualTo("europe-west1"));
        Assert.That((rendered.Flag("--prune-max-orphans"), rendered.Flag("--prune-max-orphan-share")), Is.EqualTo(("3", "0.25")));
    }

    [Test]
    public async Task An_aws_account_that_is_not_twelve_digits_is_refused_by_the_values_schema()
    {
        var template = await Chart.TemplateAsync("-f", Chart.CiValues("minimal-values.yaml"), "--set", "guardrails.allow.awsAccounts={prod}");

        Assert.That(template.Exit, Is.Not.Zero, template.Output);
        Assert.That(template.Stderr, Does.Contain("awsAccounts"));
    }

    [Test]
    public async Task Sharding_can_be_turned_on_at_one_replica_to_try_the_flag()
    {
        var rendered = await Chart.RenderAsync("-f", Chart.CiValues("minimal-values.yaml"), "--set", "sharding.enabled=true");

        Assert.That(rendered.Flag("--shard"), Is.EqualTo("$(SHARD_ORDINAL)/1"));
    }

    [Test]
    public async Task Status_requiring_the_token_passes_the_flag_next_to_the_api_token_file()
    {
        var rendered = await Chart.RenderAsync("-f", Chart.CiValues("full-values.yaml"), "--set", "daemon.statusRequiresToken=true");

        Assert.That(rendered.Args(), Does.Contain("--status-requires-token"));
        Assert.That(rendered.Flag("--api-token-file"), Does.EndWith("/api-token"));
    }

    [Test]
    public async Task Status_requiring_the_token_without_an_api_token_secret_fails_the_render_and_names_the_value()
    {
        var template = await Chart.TemplateAsync("-f", Chart.CiValues("minimal-values.yaml"), "--set", "daemon.statusRequiresToken=true");

        Assert.That(template.Exit, Is.Not.Zero, template.Output);
        Assert.That(template.Stderr, Does.Contain("daemon.statusRequiresToken needs secrets.apiToken.existingSecret"));
    }

    [GeneratedRegex("--[a-z][a-z-]+")]
    private static partial Regex FlagPattern();
}
