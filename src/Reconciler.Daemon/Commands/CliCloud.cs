using Reconciler.Core.Model;
using Reconciler.Daemon.Hosting;

namespace Reconciler.Daemon.Commands;

/// <summary>Opens the cloud for a one-shot command, turning start-up problems (no credentials) into one line on stderr.</summary>
internal static class CliCloud
{
    public static async Task<CloudConnection?> OpenAsync(bool emulator, IEnumerable<ResourceManifest> manifests, TextWriter stderr, CancellationToken ct)
    {
        try
        {
            var cloud = await CloudConnection.OpenAsync(emulator, manifests, null, ct);
            if (cloud.Emulator is not null)
            {
                await stderr.WriteLineAsync($"using the {cloud.Describe}");
            }
            return cloud;
        }
        catch (StartupException ex)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}");
            return null;
        }
    }
}
