namespace Reconciler.Platforms.CloudRun.Wire.Errors;

/// <summary>
/// 409 "Revision named '…' with different configuration already exists" (google-cloud-python #14259,
/// terraform-provider-google #14569): the template's revision name is taken by a revision with another template.
/// </summary>
internal sealed class RevisionConflictException(int httpStatus, string status, string message, string revision)
    : RunApiException(httpStatus, status, message)
{
    public string Revision { get; } = revision;
}
