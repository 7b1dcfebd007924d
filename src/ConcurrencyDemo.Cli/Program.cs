using ConcurrencyDemo.Engine.WorkerProcesses;

if (args.Length > 0 && args[0] == "worker") return WorkerHost.Run();
Console.Error.WriteLine("usage: concurrency-demo worker");
return 2;
