process.stdout.write("nexus\n");
