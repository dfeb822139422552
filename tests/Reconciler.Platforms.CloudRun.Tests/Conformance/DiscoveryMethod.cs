using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Reconciler.Platforms.CloudRun.Tests.Conformance;

/// <summary>One REST method of the discovery document.</summary>
internal sealed record DiscoveryMethod(string Id, string HttpMethod, string FlatPath, Regex PathPattern, JsonObject Parameters, string? Request, string? Response);
