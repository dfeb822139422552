using Reconciler.Testing;

namespace Reconciler.Daemon.Tests.Deployment;

/// <summary>
/// Finds the tools the deployment tests need. A missing tool fails the test with the command that installs it:
/// these tests guard what ships to a cluster, so they never pass by skipping. .ci/run installs all of them.
/// </summary>
internal static class DeploymentTools
{
    public static string Tools => Path.Combine(RepoPaths.Root, ".tools");

    public static string Helm => Find("helm", Path.Combine(Tools, "bin", "helm"),
        "helm 3.17 not found in .tools/bin or on PATH: run .ci/install-helm.sh");

    public static string Node => Find("node", null, "node not found: run .ci/install-helm.sh (it installs nodejs and npm with apt-get)");

    public static string Promtool => Find("promtool", null, "promtool not found: apt-get install prometheus (.ci/run does)");

    public static string Shellcheck => Find("shellcheck", null, "shellcheck not found: apt-get install shellcheck (.ci/run does)");

    public static string Yamllint => Find("yamllint", null, "yamllint not found: apt-get install yamllint (.ci/run does)");

    public static string Dotnet => Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet"
        ? p
        : Find("dotnet", null, "dotnet not found on PATH");

    /// <summary>The Kubernetes schema packages validate.mjs imports, installed by .ci/install-helm.sh.</summary>
    public static void RequireSchemas()
    {
        if (!Directory.Exists(Path.Combine(Tools, "node", "node_modules", "kubernetes-models")))
        {
            Assert.Fail("kubernetes-models not found in .tools/node: run .ci/install-helm.sh");
        }
    }

    private static string Find(string name, string? preferred, string fix)
    {
        if (preferred is not null && File.Exists(preferred))
        {
            return preferred;
        }
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
        if (onPath is null)
        {
            Assert.Fail(fix);
        }
        return onPath!;
    }
}
