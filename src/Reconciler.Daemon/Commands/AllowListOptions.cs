using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Reconciler.Core.Guardrails;
using Reconciler.Daemon.Hosting;

namespace Reconciler.Daemon.Commands;

/// <summary>
/// The write allow-list flags of <c>apply</c> and <c>diff</c>, the same as <c>run</c>'s (bound and checked by
/// <see cref="RunSettings.AllowList"/>, so an AWS account that is not 12 digits is the same one-line error everywhere).
/// </summary>
internal sealed class AllowListOptions
{
    private readonly List<(string Key, Option<string?> Option)> _options = RunSettings.AllowListKeys
        .Select(k => (k.Key, new Option<string?>(WriteAllowList.Flag(k.Scope))
        {
            Description = $"Comma-separated values this command may write to (default: any); a resource elsewhere is refused before any write",
        }))
        .ToList();

    public void AddTo(Command command)
    {
        foreach (var (_, option) in _options)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The list given on the command line, or null after printing each mistake as one line.</summary>
    public WriteAllowList? Bind(ParseResult parse, TextWriter stderr)
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(_options.Select(o => new KeyValuePair<string, string?>(o.Key, parse.GetValue(o.Option))))
            .Build();
        var errors = new List<string>();
        var list = RunSettings.AllowList(config, errors);
        foreach (var error in errors)
        {
            stderr.WriteLine($"error: {error}");
        }
        return errors.Count == 0 ? list : null;
    }
}
