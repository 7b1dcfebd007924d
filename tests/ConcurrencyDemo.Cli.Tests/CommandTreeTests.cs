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
