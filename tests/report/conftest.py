def pytest_configure(config):
    config.addinivalue_line("markers", "slow: takes more than about 2 seconds")
