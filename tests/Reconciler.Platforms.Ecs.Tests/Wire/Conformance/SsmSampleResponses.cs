namespace Reconciler.Platforms.Ecs.Tests.Wire.Conformance;

/// <summary>Model-valid SSM responses populating every member the client reads (Selector/SourceResult are extra).</summary>
public static class SsmSampleResponses
{
    private const string Parameter = """
        {"Name":"/web/db-password","Type":"SecureString","Value":"not-a-real-secret","Version":3,"Selector":":3",
         "SourceResult":"","LastModifiedDate":1732536000.5,"ARN":"arn:aws:ssm:eu-west-1:123456789012:parameter/web/db-password","DataType":"text"}
        """;

    public static readonly Dictionary<string, string> ByOperation = new()
    {
        ["GetParameters"] = $$"""{"Parameters":[{{Parameter}}],"InvalidParameters":["/web/api-key"]}""",
        ["GetParametersByPath"] = $$"""{"Parameters":[{{Parameter}}],"NextToken":"page-2"}""",
        ["GetParameter"] = $$"""{"Parameter":{{Parameter}}}""",
    };
}
