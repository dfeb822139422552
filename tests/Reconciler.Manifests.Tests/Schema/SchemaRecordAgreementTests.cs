using System.Text.Json.Nodes;
using Reconciler.Core.CloudRun;
using Reconciler.Core.Ecs;
using Reconciler.Core.Model;
using Reconciler.Manifests.Binding;

namespace Reconciler.Manifests.Tests.Schema;

/// <summary>
/// Walks the Core records by reflection and the schema's $defs side by side: a field in one and not the other, or a
/// required field that is optional in the other, fails — so the language server never drifts from the loader.
/// </summary>
public sealed class SchemaRecordAgreementTests
{
    private static readonly JsonObject Defs = JsonNode.Parse(File.ReadAllText(SchemaTests.SchemaPath))!["$defs"]!.AsObject();

    private static IEnumerable<TestCaseData> Records() =>
        Reachable(typeof(ManifestMetadata), typeof(EcsServiceSpec), typeof(CloudRunServiceSpec))
            .Select(t => new TestCaseData(t).SetName($"schema $defs/{t.Name} has the fields of the record {t.Name}"));

    [TestCaseSource(nameof(Records))]
    public void The_schema_and_the_record_have_the_same_fields(Type record)
    {
        var definition = Defs[record.Name]?.AsObject();
        Assert.That(definition, Is.Not.Null, $"no $defs/{record.Name} in the schema");
        var schemaFields = definition!["properties"]!.AsObject().Select(p => p.Key).ToList();
        var schemaRequired = definition["required"]?.AsArray().Select(r => r!.GetValue<string>()).ToList() ?? [];
        var parameters = RecordBinder.Parameters(record);

        Assert.Multiple(() =>
        {
            Assert.That(schemaFields, Is.EquivalentTo(parameters.Select(p => RecordBinder.CamelCase(p.Name!))));
            Assert.That(schemaRequired, Is.EquivalentTo(parameters.Where(p => !p.HasDefaultValue).Select(p => RecordBinder.CamelCase(p.Name!))));
            Assert.That(definition["additionalProperties"]?.GetValue<bool>(), Is.False, "unknown fields must be rejected as the loader does");
        });
    }

    [Test]
    public void Every_record_definition_in_the_schema_belongs_to_a_record()
    {
        var leaves = new[] { "Duration", "IntOrString", "StringMap", "Value", "EcsSecretRef", "CloudRunSecretRef", "ExpectedStatus" };
        var records = Records().Select(c => ((Type)c.Arguments[0]!).Name);

        Assert.That(Defs.Select(d => d.Key).Except(leaves), Is.EquivalentTo(records));
    }

    private static IEnumerable<Type> Reachable(params Type[] roots)
    {
        var seen = new HashSet<Type>();
        var pending = new Queue<Type>(roots);
        while (pending.TryDequeue(out var type))
        {
            if (!IsRecord(type) || !seen.Add(type))
            {
                continue;
            }
            foreach (var parameter in RecordBinder.Parameters(type))
            {
                foreach (var inner in Unwrap(parameter.ParameterType))
                {
                    pending.Enqueue(inner);
                }
            }
        }
        return seen;
    }

    private static IEnumerable<Type> Unwrap(Type type) =>
        Nullable.GetUnderlyingType(type) is { } underlying ? [underlying]
        : type.IsGenericType ? type.GetGenericArguments().SelectMany(Unwrap)
        : [type];

    private static bool IsRecord(Type type) =>
        type.Namespace?.StartsWith("Reconciler.Core") == true && type != typeof(Value) && type != typeof(SecretRef)
        && type != typeof(Reconciler.Core.Verification.ExpectedStatus) && !type.IsEnum;
}
