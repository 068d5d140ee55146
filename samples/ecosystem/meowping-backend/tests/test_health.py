import httpx
import pytest

BASE_URL = "http://127.0.0.1:8000"


def test_health_reports_ok():
    response = httpx.get(f"{BASE_URL}/health", timeout=2)
    assert response.json()["status"] == "ok"


@pytest.mark.skip(reason="auth module never written; see the seed's crash")
def test_me_requires_a_token():
    response = httpx.get(f"{BASE_URL}/me", timeout=2)
    assert response.status_code == 401
