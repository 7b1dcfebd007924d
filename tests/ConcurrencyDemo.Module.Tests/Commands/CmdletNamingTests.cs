using System.Management.Automation;
using System.Reflection;
using ConcurrencyDemo.Engine.Workloads.Sleep;
using ConcurrencyDemo.Commands;

namespace ConcurrencyDemo.Module.Tests;

public class CmdletNamingTests
{
    /// <summary>
    /// The approved verbs, as PowerShell 7.4's Get-Verb lists them ("Approved Verbs for PowerShell Commands"
    /// in the PowerShell documentation; the System.Management.Automation.Verbs* classes hold the same names).
    /// Import-Module warns about any other verb.
    /// </summary>
    private static readonly HashSet<string> ApprovedVerbs = new(StringComparer.Ordinal)
    {
        // Common
        "Add", "Clear", "Close", "Copy", "Enter", "Exit", "Find", "Format", "Get", "Hide", "Join", "Lock", "Move",
        "New", "Open", "Optimize", "Pop", "Push", "Redo", "Remove", "Rename", "Reset", "Resize", "Search", "Select",
        "Set", "Show", "Skip", "Split", "Step", "Switch", "Undo", "Unlock", "Watch",
        // Communications
        "Connect", "Disconnect", "Read", "Receive", "Send", "Write",
        // Data
        "Backup", "Checkpoint", "Compare", "Compress", "Convert", "ConvertFrom", "ConvertTo", "Dismount", "Edit",
        "Expand", "Export", "Group", "Import", "Initialize", "Limit", "Merge", "Mount", "Out", "Publish", "Restore",
        "Save", "Sync", "Unpublish", "Update",
        // Diagnostic
        "Debug", "Measure", "Ping", "Repair", "Resolve", "Test", "Trace",
        // Lifecycle
        "Approve", "Assert", "Build", "Complete", "Confirm", "Deny", "Deploy", "Disable", "Enable", "Install", "Invoke",
        "Register", "Request", "Restart", "Resume", "Start", "Stop", "Submit", "Suspend", "Uninstall", "Unregister", "Wait",
        // Security
        "Block", "Grant", "Protect", "Revoke", "Unblock", "Unprotect",
        // Other
        "Use",
    };

    /// <summary>Nouns that end in s and are singular all the same.</summary>
    private static readonly HashSet<string> SingularNounsEndingInS = new(StringComparer.OrdinalIgnoreCase)
    {
        "Alias", "Address", "Status", "Process", "Progress", "Access", "Class", "Statistics", "Settings",
    };

    [Fact]
    public void The_module_has_cmdlets()
    {
        Assert.Contains(typeof(InvokeSleepDemoCommand), CmdletMetadata.CmdletTypes);
    }

    [Fact]
    public void The_approved_verb_list_holds_every_verb_PowerShell_defines()
    {
        // A typo in the hand-written list would otherwise go unnoticed; the stub is PowerShell 5.1's, a subset of 7.4's.
        var defined = new[] { typeof(VerbsCommon), typeof(VerbsCommunications), typeof(VerbsData), typeof(VerbsDiagnostic), typeof(VerbsLifecycle), typeof(VerbsSecurity), typeof(VerbsOther) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        Assert.True(defined.Count > 90, $"Expected the stub to define the approved verbs, found {defined.Count}.");
        Assert.DoesNotContain(defined, v => !ApprovedVerbs.Contains(v));
    }

    [Fact]
    public void Every_cmdlet_uses_an_approved_verb()
    {
        foreach (var cmdlet in CmdletMetadata.CmdletTypes)
        {
            var (verb, _) = CmdletMetadata.CmdletName(cmdlet);
            Assert.True(ApprovedVerbs.Contains(verb), $"{cmdlet.Name} uses the verb '{verb}', which Get-Verb does not list.");
        }
    }

    [Fact]
    public void Every_cmdlet_noun_is_singular_and_pascal_case()
    {
        foreach (var cmdlet in CmdletMetadata.CmdletTypes)
        {
            var (_, noun) = CmdletMetadata.CmdletName(cmdlet);
            Assert.Matches("^[A-Z][A-Za-z0-9]*$", noun);
            bool pluralLooking = noun.EndsWith('s') && !SingularNounsEndingInS.Any(s => noun.EndsWith(s, StringComparison.OrdinalIgnoreCase));
            Assert.False(pluralLooking, $"{cmdlet.Name}'s noun '{noun}' looks plural; PowerShell nouns are singular.");
        }
    }

    [Fact]
    public void Every_cmdlet_class_is_named_verb_noun_command()
    {
        foreach (var cmdlet in CmdletMetadata.CmdletTypes)
        {
            var (verb, noun) = CmdletMetadata.CmdletName(cmdlet);
            Assert.Equal($"{verb}{noun}Command", cmdlet.Name);
            Assert.Equal("ConcurrencyDemo.Commands", cmdlet.Namespace);
        }
    }

    [Fact]
    public void Every_cmdlet_declares_what_it_outputs()
    {
        foreach (var cmdlet in CmdletMetadata.CmdletTypes)
            Assert.True(CmdletMetadata.OutputTypes(cmdlet).Count > 0, $"{cmdlet.Name} has no [OutputType].");
    }

    [Fact]
    public void Invoke_SleepDemo_outputs_sleep_results()
    {
        Assert.Equal("Invoke-SleepDemo", CmdletMetadata.CommandName(typeof(InvokeSleepDemoCommand)));
        Assert.Equal([typeof(ConcurrencyDemo.Engine.Workloads.Sleep.SleepResult)], CmdletMetadata.OutputTypes(typeof(InvokeSleepDemoCommand)));
    }

    /// <summary>Verbs that change things on disk or elsewhere; such cmdlets must honour -WhatIf and -Confirm.</summary>
    private static readonly HashSet<string> ChangingVerbs = new(StringComparer.Ordinal)
    {
        "New", "Set", "Remove", "Rename", "Move", "Copy", "Clear", "Save", "Export", "Convert", "Compress", "Expand",
        "Install", "Uninstall", "Publish", "Update", "Write", "Reset", "Restore", "Backup",
        // Stops what is running elsewhere, as Stop-Process and Stop-Service do (Stop-DemoImageServer).
        "Stop",
    };

    /// <summary>Parameter names that say a cmdlet writes files.</summary>
    private static readonly string[] OutputPathParameters = ["OutputPath", "OutputDirectory", "Destination", "DestinationPath"];

    [Fact]
    public void Cmdlets_that_write_files_support_ShouldProcess_and_the_others_do_not()
    {
        foreach (var cmdlet in CmdletMetadata.CmdletTypes)
        {
            var (verb, _) = CmdletMetadata.CmdletName(cmdlet);
            bool writes = ChangingVerbs.Contains(verb) || CmdletMetadata.Parameters(cmdlet).Keys.Any(OutputPathParameters.Contains);
            bool supports = CmdletMetadata.Named<bool>(CmdletMetadata.Find<CmdletAttribute>(cmdlet)!, nameof(CmdletAttribute.SupportsShouldProcess));
            Assert.True(writes == supports, $"{cmdlet.Name}: writes files = {writes} but SupportsShouldProcess = {supports}.");
        }
    }
}
