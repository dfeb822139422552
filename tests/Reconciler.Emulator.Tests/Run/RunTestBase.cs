using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Reconciler.Emulator.Tests.Support;

namespace Reconciler.Emulator.Tests.Run;

/// <summary>Cloud Run calls against the emulator as raw REST, the way Google's clients send them.</summary>
internal abstract class RunTestBase : EmulatorTestBase
{
    protected const string Parent = "v2/projects/demo/locations/europe-west1";

    protected static JsonObject Template(string image = "europe-west1-docker.pkg.dev/demo/app/web:1.0.0", string? revision = null, JsonObject? startupProbe = null)
    {
        var container = new JsonObject { ["image"] = image };
        if (startupProbe is not null)
        {
            container["startupProbe"] = startupProbe;
        }
        var template = new JsonObject { ["containers"] = new JsonArray(container) };
        if (revision is not null)
        {
            template["revision"] = revision;
        }
        return template;
    }

    protected async Task<(int Status, JsonObject Body)> SendAsync(HttpMethod method, string path, JsonNode? body = null, bool auth = true)
    {
        using var request = new HttpRequestMessage(method, path);
        if (auth)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "ya29.anything");
        }
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonNode.Parse(text)!.AsObject());
    }

    protected async Task<JsonObject> OkAsync(HttpMethod method, string path, JsonNode? body = null)
    {
        var (status, json) = await SendAsync(method, path, body);
        Assert.That(status, Is.EqualTo(200), json.ToJsonString());
        return json;
    }

    protected Task<JsonObject> CreateAsync(string id, JsonObject template, JsonArray? traffic = null) =>
        OkAsync(HttpMethod.Post, $"{Parent}/services?serviceId={id}", new JsonObject { ["template"] = template, ["traffic"] = traffic });

    protected Task<JsonObject> PatchAsync(string id, JsonObject body, string? mask = null) =>
        OkAsync(HttpMethod.Patch, $"{Parent}/services/{id}" + (mask is null ? "" : $"?updateMask={mask}"), body);

    protected Task<JsonObject> GetAsync(string id) => OkAsync(HttpMethod.Get, $"{Parent}/services/{id}");

    protected async Task<List<string>> RevisionsAsync(string id) =>
        (await OkAsync(HttpMethod.Get, $"{Parent}/services/{id}/revisions"))["revisions"]!.AsArray().Select(r => Short(r!["name"]!.GetValue<string>())).ToList();

    protected static string Short(string name) => name[(name.LastIndexOf('/') + 1)..];
}
