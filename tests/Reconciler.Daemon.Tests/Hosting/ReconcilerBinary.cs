using System.Diagnostics;

namespace Reconciler.Daemon.Tests.Hosting;

/// <summary>
/// Runs the built <c>reconciler</c> as a child process with a clean environment: only PATH, HOME (an empty folder the
/// caller owns) and switches that keep this machine's identity out (no AWS_* credentials, no instance metadata).
/// </summary>
internal static class ReconcilerBinary
{
    public static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string home, params string[] arguments)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "reconciler.dll");
        var info = new ProcessStartInfo(DotnetHost(), ["exec", dll, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = home,
        };
        info.Environment.Clear();
        info.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH");
        info.Environment["HOME"] = home;
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        // On a CI runner in EC2 the metadata endpoint would otherwise hand out the runner's own role.
        info.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The dotnet host running this test, so the child uses the same runtime.</summary>
    private static string DotnetHost() => Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
}
