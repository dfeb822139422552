using System.Collections.Concurrent;
using Reconciler.Testing;

namespace Reconciler.Daemon.Tests.Deployment;

/// <summary>The chart under test and the helm commands run on it: lint, template, and the schema validation.</summary>
internal static class Chart
{
    public static string Dir => Path.Combine(RepoPaths.Root, "charts", "reconciler");

    public static string Validator => Path.Combine(RepoPaths.Root, "charts", "tests", "validate.mjs");

    /// <summary>A values file of charts/reconciler/ci (minimal-values.yaml, full-values.yaml).</summary>
    public static string CiValues(string name) => Path.Combine(Dir, "ci", name);

    public static Task<ToolResult> LintAsync(params string[] arguments) =>
        ToolRun.RunAsync(DeploymentTools.Helm, ["lint", Dir, "--strict", .. arguments]);

    public static Task<ToolResult> TemplateAsync(params string[] arguments) =>
        ToolRun.RunAsync(DeploymentTools.Helm, ["template", "rc", Dir, "--namespace", "platform", .. arguments]);

    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Renders = new();

    /// <summary>
    /// Renders, asserts that helm succeeded and that every object passes validate.mjs, and returns them. One render
    /// per set of arguments is run; each caller gets its own parse of the validated JSON.
    /// </summary>
    public static async Task<RenderedObjects> RenderAsync(params string[] arguments) =>
        RenderedObjects.Parse(await Renders.GetOrAdd(string.Join('\u0001', arguments),
            _ => new Lazy<Task<string>>(() => RenderOnceAsync(arguments))).Value);

    private static async Task<string> RenderOnceAsync(string[] arguments)
    {
        var template = await TemplateAsync(arguments);
        Assert.That(template.Exit, Is.EqualTo(0), template.Output);
        var validation = await ValidateAsync(template.Stdout);
        Assert.That(validation.Exit, Is.EqualTo(0), validation.Output);
        return validation.Stdout;
    }

    /// <summary>Runs charts/tests/validate.mjs on YAML documents; --json prints the parsed objects.</summary>
    public static Task<ToolResult> ValidateAsync(string yaml)
    {
        DeploymentTools.RequireSchemas();
        return ToolRun.RunAsync(DeploymentTools.Node, [Validator, "--json"], stdin: yaml);
    }
}
