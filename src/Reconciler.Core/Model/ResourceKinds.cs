namespace Reconciler.Core.Model;

public static class ResourceKinds
{
    public const string ApiVersion = "reconciler/v1alpha1";
    public const string EcsService = "EcsService";
    public const string CloudRunService = "CloudRunService";
}
