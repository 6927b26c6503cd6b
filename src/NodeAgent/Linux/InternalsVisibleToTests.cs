using System.Runtime.CompilerServices;

// The netlink codec is internal; its encoding tests live in the agent's unit tests.
[assembly: InternalsVisibleTo("CupsAndString.NodeAgent.Tests")]
