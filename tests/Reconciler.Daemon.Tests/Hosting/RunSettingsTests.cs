using System.Net;
using Microsoft.Extensions.Configuration;
using Reconciler.Daemon.Hosting;

namespace Reconciler.Daemon.Tests.Hosting;

/// <summary>Binding and validating <c>reconciler run</c> settings: every bad value is one message naming the option and the fix.</summary>
public sealed class RunSettingsTests
{
    private static (RunSettings? Settings, IReadOnlyList<string> Errors) Bind(params (string Key, string Value)[] values) =>
        RunSettings.Bind(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build());

    [Test]
    public void Durations_endpoints_and_numbers_are_parsed()
    {
        var (settings, errors) = Bind(("repo", "https://git.example/org/deploy.git"), ("resync", "30s"), ("pollInterval", "5m"),
            ("listen", "localhost:9090"), ("workers", "2"), ("emulatorSpeed", "600"));

        Assert.That(errors, Is.Empty);
        Assert.That(settings!.Resync, Is.EqualTo(TimeSpan.FromSeconds(30)));
        Assert.That(settings.PollInterval, Is.EqualTo(TimeSpan.FromMinutes(5)));
        Assert.That(settings.Listen, Is.EqualTo(new IPEndPoint(IPAddress.Loopback, 9090)));
        Assert.That((settings.Workers, settings.EmulatorSpeed), Is.EqualTo((2, 600.0)));
    }

    [TestCase("0.0.0.0:8080", TestName = "all IPv4 interfaces in a cluster")]
    [TestCase("[::]:8080", TestName = "all IPv6 interfaces")]
    [TestCase("127.0.0.1:0", TestName = "a free port chosen by the system")]
    public void Listen_accepts_written_out_addresses(string listen)
    {
        var (settings, errors) = Bind(("repo", "https://git.example/org/deploy.git"), ("listen", listen));

        Assert.That(errors, Is.Empty);
        Assert.That(settings!.Listen, Is.EqualTo(IPEndPoint.Parse(listen)));
    }

    private static IEnumerable<TestCaseData> Mistakes()
    {
        yield return new TestCaseData(("resync", "soon"), "resync: 'soon' is not a duration; write it like 30s, 5m or 1h").SetName("a word for a duration");
        yield return new TestCaseData(("resync", "-5s"), "resync: '-5s' is not a duration").SetName("a negative duration");
        yield return new TestCaseData(("listen", "8080"), "listen: '8080' is not HOST:PORT").SetName("a port without a host");
        yield return new TestCaseData(("listen", "127.0.0.1"), "listen: '127.0.0.1' is not HOST:PORT").SetName("a host without a port");
        yield return new TestCaseData(("listen", "127.0.0.1:99999"), "listen: '127.0.0.1:99999' is not HOST:PORT").SetName("a port out of range");
        yield return new TestCaseData(("workers", "0"), "--workers must be between 1 and 64").SetName("zero workers");
        yield return new TestCaseData(("workers", "many"), "workers: 'many' is not a number").SetName("workers not a number");
        yield return new TestCaseData(("logFormat", "xml"), "--log-format must be auto, json or text, not 'xml'").SetName("an unknown log format");
        yield return new TestCaseData(("emulator", "yes"), "emulator: 'yes' is not true or false").SetName("a boolean written as yes");
        yield return new TestCaseData(("webhookSecretFile", "/nonexistent/secret"), "--webhook-secret-file: file '/nonexistent/secret' does not exist").SetName("a missing webhook secret file");
        yield return new TestCaseData(("apiTokenFile", "/nonexistent/api-token"), "--api-token-file: file '/nonexistent/api-token' does not exist").SetName("a missing API token file");
        yield return new TestCaseData(("statusRequiresToken", "true"), "--status-requires-token needs --api-token-file FILE").SetName("status requiring a token without a token file");
        yield return new TestCaseData(("statusRequiresToken", "yes"), "statusRequiresToken: 'yes' is not true or false").SetName("status-requires-token written as yes");
        yield return new TestCaseData(("pruneMaxOrphans", "-1"), "--prune-max-orphans must be a whole number of resources, 0 or more (0: never prune), not -1").SetName("a negative prune count limit");
        yield return new TestCaseData(("pruneMaxOrphans", "2.5"), "--prune-max-orphans must be a whole number of resources").SetName("a fractional prune count limit");
        yield return new TestCaseData(("pruneMaxOrphans", "all"), "pruneMaxOrphans: 'all' is not a number").SetName("a prune count limit that is not a number");
        yield return new TestCaseData(("pruneMaxOrphanShare", "50"), "--prune-max-orphan-share must be between 0 and 1 (0.5: at most half of the declared resources; 1: no share limit), not 50").SetName("a prune share written as a percentage");
        yield return new TestCaseData(("gitTimeout", "soon"), "gitTimeout: 'soon' is not a duration").SetName("a word for the git timeout");
        yield return new TestCaseData(("allowAwsAccounts", "123456789012,prod"), "--allow-aws-accounts: 'prod' is not an AWS account id (12 digits, e.g. 123456789012)").SetName("an allow-listed account that is not an account id");
        yield return new TestCaseData(("maxWritesPerMinute", "-3"), "--max-writes-per-minute must be a whole number of writes, 0 or more (0: no limit), not -3").SetName("a negative write budget");
        yield return new TestCaseData(("maxWritesPerMinute", "lots"), "maxWritesPerMinute: 'lots' is not a number").SetName("a write budget that is not a number");
        yield return new TestCaseData(("shard", "3/2"), "--shard 3/2 gives shard 3, but there are only 2 shards (0 to 1)").SetName("a shard past the shard count");
        yield return new TestCaseData(("shards", "2"), "--shards 2 needs this replica's ordinal").SetName("a replica count without a pod ordinal");
        yield return new TestCaseData(("knownHostsFile", "/nonexistent/known_hosts"), "git source KnownHostsFile '/nonexistent/known_hosts' does not exist")
            .SetName("a missing known_hosts file");
    }

    [Test]
    public void The_prune_limits_default_to_five_orphans_or_half_and_reach_the_guard()
    {
        var (defaults, _) = Bind(("repo", "https://git.example/org/deploy.git"));
        var (set, errors) = Bind(("repo", "https://git.example/org/deploy.git"), ("pruneMaxOrphans", "10"), ("pruneMaxOrphanShare", "0.25"));

        Assert.That(errors, Is.Empty);
        Assert.That(defaults!.PruneGuardLimits(), Is.EqualTo(new Reconciler.Core.Reconciling.PruneLimits(5, 0.5)));
        Assert.That(set!.PruneGuardLimits(), Is.EqualTo(new Reconciler.Core.Reconciling.PruneLimits(10, 0.25)));
    }

    [Test]
    public void Allow_lists_write_budget_and_shard_are_bound()
    {
        var (settings, errors) = Bind(("repo", "https://git.example/org/deploy.git"), ("allowAwsAccounts", "123456789012, 210987654321"),
            ("allowAwsRegions", "eu-west-1"), ("allowGcpProjects", "p1"), ("maxWritesPerMinute", "30"), ("shards", "3"), ("podName", "reconciler-2"));

        Assert.That(errors, Is.Empty);
        Assert.That(settings!.WriteAllowList.Restricted, Is.EquivalentTo(new[]
        {
            Reconciler.Core.Guardrails.WriteScope.AwsAccount, Reconciler.Core.Guardrails.WriteScope.AwsRegion, Reconciler.Core.Guardrails.WriteScope.GcpProject,
        }));
        Assert.That(settings.WriteAllowList.Refusal(new("EcsService", "web"), Reconciler.Core.Guardrails.WriteLocation.Of(
            (Reconciler.Core.Guardrails.WriteScope.AwsAccount, "210987654321"), (Reconciler.Core.Guardrails.WriteScope.AwsRegion, "eu-west-1"))), Is.Null);
        Assert.That((settings.MaxWritesPerMinute, settings.Shard), Is.EqualTo((30.0, new Reconciler.Core.Sharding.ShardAssignment(2, 3))));
    }

    [Test]
    public void By_default_everything_is_allowed_unlimited_and_one_shard()
    {
        var (settings, _) = Bind(("repo", "https://git.example/org/deploy.git"), ("podName", "reconciler-1"));

        Assert.That((settings!.WriteAllowList.AllowsEverything, settings.MaxWritesPerMinute, settings.Shard.IsSingle), Is.EqualTo((true, 0.0, true)));
    }

    [TestCaseSource(nameof(Mistakes))]
    public void A_bad_value_is_one_clear_error((string Key, string Value) bad, string expected)
    {
        var (settings, errors) = Bind(("repo", "https://git.example/org/deploy.git"), bad);

        Assert.That(settings, Is.Null);
        Assert.That(errors.Single(), Does.StartWith(expected));
    }

    [Test]
    public void A_token_in_the_repository_url_is_one_error_at_start_that_does_not_repeat_it()
    {
        var (settings, errors) = Bind(("repo", "https://ghp_tok3nValue@git.example/org/deploy.git"));

        Assert.That(settings, Is.Null);
        Assert.That(errors.Single(), Does.StartWith("git source Url 'https://***@git.example/org/deploy.git' carries credentials before '@'")
            .And.Not.Contain("tok3nValue"));
    }

    [Test]
    public void The_git_timeout_and_known_hosts_file_reach_the_git_source()
    {
        var knownHosts = Path.GetTempFileName();
        try
        {
            var (settings, errors) = Bind(("repo", "ssh://git@git.example/org/deploy.git"), ("gitTimeout", "30s"), ("knownHostsFile", knownHosts));

            Assert.That(errors, Is.Empty);
            Assert.That(settings!.GitOptions().Timeout, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(settings.GitOptions().KnownHostsFile, Is.EqualTo(knownHosts));
        }
        finally
        {
            File.Delete(knownHosts);
        }
    }

    [Test]
    public void Both_sources_at_once_are_refused()
    {
        var manifests = Directory.CreateTempSubdirectory("reconciler-settings-").FullName;
        try
        {
            var (_, errors) = Bind(("repo", "https://git.example/org/deploy.git"), ("manifests", manifests));

            Assert.That(errors.Single(), Does.Contain("give exactly one desired-state source"));
        }
        finally
        {
            Directory.Delete(manifests);
        }
    }

    [Test]
    public void An_empty_api_token_file_is_refused_at_start_and_a_filled_one_is_taken_with_status_requiring_it()
    {
        var token = Path.GetTempFileName();
        try
        {
            var (_, emptyErrors) = Bind(("repo", "https://git.example/org/deploy.git"), ("apiTokenFile", token));
            File.WriteAllText(token, "t0ken\n");
            var (settings, errors) = Bind(("repo", "https://git.example/org/deploy.git"), ("apiTokenFile", token), ("statusRequiresToken", "true"));

            Assert.That(emptyErrors.Single(), Does.StartWith($"--api-token-file: file '{token}' is empty; put the bearer token clients send"));
            Assert.That(errors, Is.Empty);
            Assert.That((settings!.ApiTokenFile, settings.StatusRequiresToken), Is.EqualTo((token, true)));
        }
        finally
        {
            File.Delete(token);
        }
    }
}
