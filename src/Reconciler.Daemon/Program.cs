using System.CommandLine;
using Reconciler.Daemon.Commands;

var root = new RootCommand("Reconciler: keeps ECS (and Cloud Run) services exactly as declared in git")
{
    ValidateCommand.Create(),
    DiffCommand.Create(),
    ApplyCommand.Create(),
    RunCommand.Create(),
    StatusCommand.Create(),
    RetryCommand.Create(),
    EmulatorCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
