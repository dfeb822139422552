using Reconciler.Core.CloudRun;
using Reconciler.Core.Model;
using Reconciler.Manifests.Diagnostics;
using Reconciler.Manifests.Yaml;

namespace Reconciler.Manifests.Binding;

/// <summary>
/// <see cref="Value"/> (text or <c>{ssm: /path}</c>) and <see cref="SecretRef"/> (ECS: one of ssmParameter /
/// secretsManagerArn / valueFrom; Cloud Run: <c>{secret, version}</c>). Secret values are never echoed.
/// </summary>
internal static class ReferenceBinder
{
    private static readonly string[] EcsForms = ["ssmParameter", "secretsManagerArn", "valueFrom"];
    private static readonly string[] CloudRunForms = ["secret", "version"];
    private static readonly string[] SecretOnlyKeys = ["ssmParameter", "secretsManagerArn", "valueFrom", "secret"];

    public static BindResult BindValue(YNode node, string path, BindingContext context)
    {
        if (node is YScalar scalar)
        {
            return BindResult.Of(new Value.Literal(scalar.Text));
        }
        if (node is not YMapping mapping)
        {
            return Fail(context, DiagnosticCodes.WrongType, $"expected text or {{ssm: /parameter/path}}, got {node.Describe}", node, path);
        }
        var secretKey = mapping.Entries.Select(e => e.Key.Text).FirstOrDefault(SecretOnlyKeys.Contains);
        if (secretKey is not null)
        {
            return Fail(context, DiagnosticCodes.SecretInEnvironment,
                $"'{secretKey}' is a secret reference and is not allowed here; move this entry to the container's `secrets:` map " +
                "(plain environment values are visible to anyone who can describe the task)", node, path);
        }
        if (mapping.Entries.Count != 1 || mapping.Entries[0].Key.Text != "ssm" || mapping.Entries[0].Value is not YScalar { IsNull: false } ssm)
        {
            return Fail(context, DiagnosticCodes.WrongType, "a value is either plain text or exactly {ssm: /parameter/path}", node, path);
        }
        context.Locations.Record(path + ".ssm", ssm.Location);
        return BindResult.Of(new Value.Ssm(ssm.Text));
    }

    public static BindResult BindSecret(YNode node, Type owner, string path, BindingContext context)
    {
        var cloudRun = owner == typeof(CloudRunContainerSpec);
        var forms = cloudRun ? CloudRunForms : EcsForms;
        if (node is not YMapping mapping)
        {
            var example = cloudRun ? "{secret: my-secret, version: latest}" : "{ssmParameter: /app/prod/db-password}";
            return Fail(context, DiagnosticCodes.InvalidSecretRef,
                $"a secret is a reference, never the value itself: write {example}", node, path);
        }
        var ok = true;
        foreach (var (key, _) in mapping.Entries.Where(e => !forms.Contains(e.Key.Text)))
        {
            context.Error(DiagnosticCodes.UnknownField, $"unknown field '{key.Text}' in a secret reference; {NameSuggester.Hint(key.Text, forms)}", key.Location, $"{path}.{key.Text}");
            ok = false;
        }
        var fields = mapping.Entries.Where(e => forms.Contains(e.Key.Text)).ToDictionary(e => e.Key.Text, e => e.Value);
        return ok ? (cloudRun ? CloudRun(fields, mapping, path, context) : Ecs(fields, mapping, path, context)) : BindResult.Failed;
    }

    private static BindResult Ecs(Dictionary<string, YNode> fields, YMapping mapping, string path, BindingContext context)
    {
        if (fields.Count != 1 || fields.Single().Value is not YScalar { IsNull: false } reference)
        {
            return Fail(context, DiagnosticCodes.InvalidSecretRef,
                "give exactly one of ssmParameter, secretsManagerArn or valueFrom, with the parameter path or ARN as text", mapping, path);
        }
        var (form, _) = fields.Single();
        context.Locations.Record($"{path}.{form}", reference.Location);
        SecretRef secret = form switch
        {
            "ssmParameter" => new SecretRef.SsmParameter(reference.Text),
            "secretsManagerArn" => new SecretRef.SecretsManager(reference.Text),
            _ => new SecretRef.ValueFrom(reference.Text),
        };
        return BindResult.Of(secret);
    }

    private static BindResult CloudRun(Dictionary<string, YNode> fields, YMapping mapping, string path, BindingContext context)
    {
        if (!fields.TryGetValue("secret", out var name) || name is not YScalar { IsNull: false } secret)
        {
            return Fail(context, DiagnosticCodes.MissingField, "a Cloud Run secret needs 'secret: <Secret Manager secret name>'", mapping, path);
        }
        var version = fields.GetValueOrDefault("version") is YScalar { IsNull: false } v ? v.Text : "latest";
        context.Locations.Record($"{path}.secret", secret.Location);
        return BindResult.Of(new SecretRef.SecretManagerSecret(secret.Text, version));
    }

    private static BindResult Fail(BindingContext context, string code, string message, YNode node, string path)
    {
        context.Error(code, message, node.Location, path);
        return BindResult.Failed;
    }
}
