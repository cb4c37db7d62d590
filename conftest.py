pytest_plugins = ["stocktake.testing"]
