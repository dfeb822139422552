namespace Reconciler.Daemon.Tests.Scenarios;

/// <summary>A <c>spec.verify</c> block (indented under <c>spec</c>) for scenario manifests.</summary>
internal static class VerifyBlock
{
    public static readonly TimeSpan BakeTime = TimeSpan.FromMinutes(2);

    /// <summary>One HTTP check against <paramref name="url"/> every 10s, no failure tolerated, baked for <see cref="BakeTime"/>.</summary>
    public static string Http(Uri url, string bakeTime = "2m") => $"""
          verify:
            bakeTime: {bakeTime}
            http:
              - name: readiness
                url: {url}
                expectStatus: 200
                interval: 10s
                timeout: 5s
        """;

    /// <summary>One Prometheus check of <paramref name="query"/> (5 evaluations, 1m apart), with <paramref name="inconclusiveLimit"/>.</summary>
    public static string Prometheus(Uri address, string query, string condition = "< 0.01", int inconclusiveLimit = 1) => $"""
          verify:
            bakeTime: 1m
            prometheus:
              address: {address.ToString().TrimEnd('/')}
              checks:
                - name: error-rate
                  query: '{query}'
                  successCondition: "{condition}"
                  interval: 1m
                  count: 5
                  inconclusiveLimit: {inconclusiveLimit}
        """;
}
