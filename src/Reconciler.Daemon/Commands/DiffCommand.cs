using Reconciler.Core.Redaction;
using System.CommandLine;
using Reconciler.Core.Guardrails;
using Reconciler.Core.Model;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Seams;
using Reconciler.Daemon.Hosting;

namespace Reconciler.Daemon.Commands;

/// <summary>
/// <c>reconciler diff PATH... [--exit-code]</c>: what would change, field by field, per resource. With --exit-code,
/// exit 2 when git and the cloud differ, so CI catches a fix that was merged but never deployed (seed 003).
/// </summary>
internal static class DiffCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("path") { Arity = ArgumentArity.OneOrMore, Description = "Manifest files or folders" };
        var exitCode = new Option<bool>("--exit-code") { Description = "Exit 2 when any resource differs from the cloud" };
        var emulator = new Option<bool>("--emulator") { Description = "Compare against an in-process emulator instead of AWS" };
        var command = new Command("diff", "Show what differs between the manifests and the cloud") { paths, exitCode, emulator };
        var allow = new AllowListOptions();
        allow.AddTo(command);
        command.SetAction((parse, ct) => allow.Bind(parse, Console.Error) is { } allowList
            ? RunAsync(parse.GetValue(paths)!, parse.GetValue(exitCode), parse.GetValue(emulator), Console.Out, Console.Error, ct, allowList)
            : Task.FromResult(2));
        return command;
    }

    internal static async Task<int> RunAsync(string[] paths, bool exitCode, bool emulator, TextWriter stdout, TextWriter stderr, CancellationToken ct,
        WriteAllowList? allowList = null)
    {
        var loaded = CliManifests.Load(paths, stderr);
        if (loaded is null)
        {
            return 1;
        }
        await using var cloud = await CliCloud.OpenAsync(emulator, loaded.Manifests, stderr, ct);
        return cloud is null ? 2 : await DiffAllAsync(loaded.Manifests, exitCode, cloud, allowList ?? WriteAllowList.AllowAll, stdout, stderr, ct);
    }

    /// <summary>Diff against a cloud the caller opened and disposes (tests: an emulator whose calls they count).</summary>
    internal static async Task<int> RunAsync(string[] paths, bool exitCode, CloudConnection cloud, TextWriter stdout, TextWriter stderr, CancellationToken ct,
        WriteAllowList? allowList = null)
    {
        var loaded = CliManifests.Load(paths, stderr);
        return loaded is null ? 1 : await DiffAllAsync(loaded.Manifests, exitCode, cloud, allowList ?? WriteAllowList.AllowAll, stdout, stderr, ct);
    }

    private static async Task<int> DiffAllAsync(IReadOnlyList<ResourceManifest> manifests, bool exitCode, CloudConnection cloud, WriteAllowList allowList,
        TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var differs = false;
        var failed = false;
        foreach (var manifest in manifests.OrderBy(m => m.Key.ToString(), StringComparer.Ordinal))
        {
            var platform = cloud.Platforms.FirstOrDefault(p => p.Handles(manifest));
            if (platform is null)
            {
                await stdout.WriteLineAsync($"{manifest.Key}: skipped ({manifest.Kind} is not supported yet)");
                continue;
            }
            try
            {
                var observation = await platform.ObserveAsync(manifest, ct);
                var decision = platform.Decider.Decide(observation, new DecisionContext(cloud.Time.GetUtcNow(), null));
                differs |= !decision.Plan.IsEmpty || decision is Decision.Stalled;
                await stdout.WriteAsync(DiffReport.Render(manifest.Key, decision));
                // The plan is shown as it is; apply and run would refuse it before any write.
                if (!decision.Plan.IsEmpty && await allowList.RefusalAsync(platform, manifest, ct) is { } refusal)
                {
                    await stdout.WriteLineAsync($"  refused: {refusal}");
                }
            }
            catch (PlatformException ex)
            {
                failed = true;
                await stderr.WriteLineAsync($"{manifest.Key}: error: {SecretScrubber.Scrub(ex.Message, manifest.SensitiveValues())}");
            }
        }
        return failed ? 1 : differs && exitCode ? 2 : 0;
    }
}
