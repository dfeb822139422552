using System.Text.RegularExpressions;

namespace Reconciler.Emulator.Run;

/// <summary>
/// A v2 REST path resolved to an operation: <c>/v2/projects/P/locations/L/services[/S[/revisions[/R]]]</c> and
/// <c>/v2/projects/P/locations/L/operations/O[:wait]</c>.
/// </summary>
internal sealed partial record RunRoute(string Operation, string Project, string Location, string? Service = null, string? Revision = null, string? OperationId = null)
{
    public string Parent => $"projects/{Project}/locations/{Location}";

    public string ServiceName => $"{Parent}/services/{Service}";

    public static RunRoute Parse(string method, string path)
    {
        var m = Path().Match(path);
        if (!m.Success)
        {
            throw new RunException(404, "NOT_FOUND", $"The emulator has no Cloud Run method at {method} {path}; see docs/emulator.md.");
        }
        string? G(string name) => m.Groups[name].Success ? m.Groups[name].Value : null;
        var kind = m.Groups["kind"].Value;
        var (project, location, revision) = (G("p")!, G("l")!, G("r"));
        var service = kind == "services" ? G("id") : null;
        var op = kind == "operations" ? G("id") : null;
        var revisions = m.Groups["revs"].Success;
        var operation = (method, kind, service is null, revisions, revision is null, G("verb")) switch
        {
            ("GET", "services", true, false, _, null) => "services.list",
            ("POST", "services", true, false, _, null) => "services.create",
            ("GET", "services", false, false, _, null) => "services.get",
            ("PATCH", "services", false, false, _, null) => "services.patch",
            ("DELETE", "services", false, false, _, null) => "services.delete",
            ("GET", "services", false, true, true, null) => "revisions.list",
            ("GET", "services", false, true, false, null) => "revisions.get",
            ("GET", "operations", _, false, _, null) when op is not null => "operations.get",
            ("POST", "operations", _, false, _, "wait") when op is not null => "operations.wait",
            _ => throw new RunException(404, "NOT_FOUND", $"The emulator has no Cloud Run method at {method} {path}; see docs/emulator.md."),
        };
        return new RunRoute(operation, project, location, service, revision, op);
    }

    [GeneratedRegex(@"^/v2/projects/(?<p>[^/:]+)/locations/(?<l>[^/:]+)/(?<kind>services|operations)(/(?<id>[^/:]+))?(?<revs>/revisions(/(?<r>[^/:]+))?)?(:(?<verb>[a-zA-Z]+))?$")]
    private static partial Regex PathPattern();

    private static Regex Path() => PathPattern();
}
