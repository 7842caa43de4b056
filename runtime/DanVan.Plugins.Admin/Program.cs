using DanVan.Plugins.Admin;

return await AdminCommand.RunAsync(args, Console.Out, Console.Error);
