namespace Reconciler.Platforms.Ecs.Tests.Wire.Ssm;

/// <summary>A model-valid GetParameters response populating every member the resolver reads.</summary>
internal static class SsmSampleResponses
{
    private const string Parameter = """
        {"Name":"/web/db-password","Type":"SecureString","Value":"not-a-real-secret","Version":3,"Selector":":3",
         "SourceResult":"","LastModifiedDate":1732536000.5,"ARN":"arn:aws:ssm:eu-west-1:123456789012:parameter/web/db-password","DataType":"text"}
        """;

    public const string GetParameters = $$"""{"Parameters":[{{Parameter}}],"InvalidParameters":["/web/api-key"]}""";
}
