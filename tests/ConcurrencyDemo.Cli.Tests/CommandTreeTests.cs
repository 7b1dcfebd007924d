using System.CommandLine;

namespace ConcurrencyDemo.Cli.Tests;

/// <summary>The shape of the command tree: what the help is written from and what every command shares.</summary>
public sealed class CommandTreeTests
{
    private static readonly Command Root = Cli.Commands.CommandCatalog.CreateRootCommand();

    private static Command CommandNamed(string name) => Root.Subcommands.Single(c => c.Name == name);

    [Theory]
    [InlineData("--verbose")]
    public void AnOptionTwoCommandsShare_IsOneObject(string name)
    {
        Assert.Same(CommandNamed("sleep").Options.Single(o => o.Name == name), CommandNamed("convert").Options.Single(o => o.Name == name));
    }

    [Fact]
    public void ConvertsFormat_IsTheImageFormat_NotSleepsResultFormat()
    {
        Assert.NotSame(CommandNamed("sleep").Options.Single(o => o.Name == "--format"), CommandNamed("convert").Options.Single(o => o.Name == "--format"));
    }

    [Theory]
    [InlineData("sleep")]
    [InlineData("CONVERT")]
    [InlineData("download")]
    [InlineData("serve")]
    public void ACommandLineNamingACommand_GetsATreeOfThatCommandAlone(string first)
    {
        var root = Cli.Commands.CommandCatalog.CreateRootCommandFor([first, "--verbose"]);

        var only = Assert.Single(root.Subcommands);
        Assert.Equal(first.ToLowerInvariant(), only.Name);
        Assert.Equal(CommandNamed(only.Name).Options.Select(o => o.Name), only.Options.Select(o => o.Name));
        Assert.Contains(root.Options, o => o.Name == "--help");
    }

    [Theory]
    [InlineData()]
    [InlineData("--help")]
    [InlineData("slep")]
    [InlineData("worker")]
    public void ACommandLineNamingNoRunCommand_GetsTheWholeTree(params string[] args)
    {
        var root = Cli.Commands.CommandCatalog.CreateRootCommandFor(args);

        Assert.Equal(Root.Subcommands.Select(c => c.Name), root.Subcommands.Select(c => c.Name));
    }

    [Fact]
    public void EveryOptionAndCommand_HasADescription()
    {
        var symbols = Root.Subcommands.Where(c => !c.Hidden).SelectMany(c => c.Options.Cast<Symbol>().Append(c)).Concat(Root.Options);

        Assert.All(symbols, s => Assert.False(string.IsNullOrWhiteSpace(s.Description), $"{s.Name} has no description."));
    }

    [Fact]
    public void EveryValueOption_SaysWhatValueItTakes()
    {
        var valueOptions = Root.Subcommands.SelectMany(c => c.Options).Where(o => o.ValueType != typeof(bool) && o.Arity.MaximumNumberOfValues > 0);

        Assert.All(valueOptions, o => Assert.False(string.IsNullOrEmpty(o.HelpName), $"{o.Name} has no value name for the help."));
    }
}
