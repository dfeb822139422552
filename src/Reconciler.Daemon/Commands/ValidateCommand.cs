using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Reconciler.Manifests.Diagnostics;
using Reconciler.Manifests.Loading;

namespace Reconciler.Daemon.Commands;

/// <summary>
/// <c>reconciler validate PATH... [--strict] [--output text|json] [--max-file-bytes N]</c>: loads manifests the way the
/// daemon does and prints every diagnostic like a compiler. Exit 0 clean, 1 on errors (or on warnings with --strict).
/// </summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("path") { Arity = ArgumentArity.OneOrMore, Description = "Manifest files or folders (searched recursively for *.yaml, *.yml)" };
        var strict = new Option<bool>("--strict") { Description = "Treat warnings as errors (exit 1)" };
        var output = new Option<string>("--output") { Description = "Output format", DefaultValueFactory = _ => "text" };
        output.AcceptOnlyFromAmong("text", "json");
        var maxFileBytes = new Option<long>("--max-file-bytes")
        {
            Description = "Reject manifest files larger than this many bytes",
            DefaultValueFactory = _ => ManifestLoaderOptions.Default.MaxFileBytes,
        };
        var command = new Command("validate", "Check manifests for errors and risky settings without touching any cloud") { paths, strict, output, maxFileBytes };
        command.SetAction(result => Run(
            result.GetValue(paths) ?? [],
            result.GetValue(strict),
            result.GetValue(output) ?? "text",
            result.InvocationConfiguration.Output,
            result.InvocationConfiguration.Error,
            result.GetValue(maxFileBytes)));
        return command;
    }

    internal static int Run(string[] paths, bool strict, string output, TextWriter stdout, TextWriter stderr, long? maxFileBytes = null)
    {
        if (maxFileBytes is <= 0)
        {
            stderr.WriteLine("--max-file-bytes must be a positive number of bytes");
            return 1;
        }
        var options = ManifestLoaderOptions.Default with { MaxFileBytes = maxFileBytes ?? ManifestLoaderOptions.Default.MaxFileBytes };
        var result = new ManifestLoader(options).LoadPaths(paths);
        if (result.Files.Count == 0)
        {
            stderr.WriteLine($"no manifest files (*.yaml, *.yml) found in {string.Join(", ", paths)}");
            return 1;
        }
        if (output == "json")
        {
            WriteJson(result, stdout);
        }
        else
        {
            WriteText(result, stdout);
        }
        return result.HasErrors || (strict && result.WarningCount > 0) ? 1 : 0;
    }

    private static void WriteText(LoadResult result, TextWriter stdout)
    {
        foreach (var diagnostic in result.Diagnostics)
        {
            stdout.WriteLine(diagnostic.ToString());
        }
        stdout.WriteLine(
            $"{Count(result.Files.Count, "file")}, {Count(result.Manifests.Count, "manifest")} valid: " +
            $"{Count(result.ErrorCount, "error")}, {Count(result.WarningCount, "warning")}");
    }

    private static void WriteJson(LoadResult result, TextWriter stdout)
    {
        var document = new JsonReport(
            [.. result.Diagnostics.Select(d => new JsonDiagnostic(
                d.Severity == Severity.Error ? "error" : "warning", d.Code, d.Message, d.Location.File, d.Location.Line, d.Location.Column, d.FieldPath))],
            result.ErrorCount,
            result.WarningCount);
        stdout.WriteLine(JsonSerializer.Serialize(document, ReportJson.GetTypeInfo(typeof(JsonReport))!));
    }

    /// <summary>camelCase, indented, non-ASCII file names and messages left readable; types from <see cref="Http.DaemonJsonContext"/>.</summary>
    private static readonly JsonSerializerOptions ReportJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = Http.DaemonJsonContext.Default,
    };

    /// <summary>What <c>validate --json</c> prints.</summary>
    internal sealed record JsonReport(IReadOnlyList<JsonDiagnostic> Diagnostics, int Errors, int Warnings);

    internal sealed record JsonDiagnostic(string Severity, string Code, string Message, string File, int Line, int Column, string? Field);

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";
}
