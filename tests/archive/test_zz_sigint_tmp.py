import time
def test_slow(s3_server, postgres_url):
    print("READY", flush=True)
    time.sleep(120)
