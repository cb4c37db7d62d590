pytest_plugins = ["stocktake.testing", "stocktake.testing_browser"]
