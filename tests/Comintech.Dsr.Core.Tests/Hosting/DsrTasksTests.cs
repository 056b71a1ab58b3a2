using Comintech.Dsr.Fulfilment;
using Comintech.Dsr.Hosting;
using Comintech.Dsr.Workflow;
using Microsoft.DurableTask;

namespace Comintech.Dsr.Core.Tests.Hosting;

public class DsrTasksTests
{
    private static readonly Type[] CoreTypes = typeof(DsrTasks).Assembly.GetTypes();

    [Fact]
    public void Every_activity_class_and_name_is_in_the_one_list()
    {
        var listed = DsrTasks.Activities;
        var classes = CoreTypes.Where(t => !t.IsAbstract && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDsrActivity<,>)));
        var names = typeof(DsrActivityNames).GetFields().Select(f => (string)f.GetValue(null)!);

        Assert.Equal(classes.Select(t => t.FullName).Order(), listed.Select(a => a.Type.FullName).Order());
        Assert.Subset(listed.Select(a => a.Name).ToHashSet(), names.ToHashSet());
        Assert.Equal(listed.Count, listed.Select(a => a.Name).Distinct().Count());
    }

    [Fact]
    public void Every_orchestrator_is_in_the_one_list()
    {
        var orchestrators = CoreTypes.Where(t => !t.IsAbstract && typeof(ITaskOrchestrator).IsAssignableFrom(t));

        Assert.Equal(orchestrators.Select(t => t.FullName).Order(), DsrTasks.Orchestrators.Select(t => t.FullName).Order());
    }
}
