"""Settings of the polite HTTP client, declared once as one frozen model."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from extractor.errors import FetchError
from extractor.settings import resolve, setting

USER_AGENT = (
    "vbsp-extractor/0.1 (research crawler for social policy credit figures; "
    "+https://github.com/vbsp-extractor; honours robots.txt)"
)
ROBOTS_TOKEN = "vbsp-extractor"


def configured_deadline() -> float:
    """The ``fetch_deadline`` setting in force, a bad environment value named with what to do."""
    try:
        return float(resolve("fetch_deadline"))
    except ValueError:
        name = setting("fetch_deadline").env
        raise FetchError(
            f"${name} is not a number of seconds",
            hint=f"Set {name} to the seconds one response may take, e.g. 120, or unset it.",
        ) from None


class FetchOptions(BaseModel):
    """How politely and how far the client fetches; tests shrink the delays to ~0.

    ``deadline`` defaults to the ``fetch_deadline`` setting ($VBSP_FETCH_DEADLINE, else 120 s:
    a 20 MB body, the size cap, at ~170 kB/s still arrives; a server trickling bytes is cut off).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    user_agent: str = USER_AGENT
    robots_token: str = ROBOTS_TOKEN
    delay: float = Field(default=1.0, ge=0, description="seconds between requests to one host")
    timeout: float = Field(default=20.0, gt=0, description="seconds to connect / wait for data")
    deadline: float = Field(
        default_factory=configured_deadline,
        gt=0,
        description="seconds one response may take in all (connect, headers, body)",
    )
    retries: int = Field(default=3, ge=0, description="extra attempts on 429, 5xx and timeouts")
    backoff: float = Field(default=1.0, ge=0, description="first retry wait; doubles each attempt")
    max_retry_after: float = Field(default=60.0, ge=0, description="cap on a server's Retry-After")
    max_redirects: int = Field(default=10, ge=0)
    max_bytes: int = Field(
        default=20 * 1024 * 1024, gt=0, description="abort bodies past this size"
    )
    max_crawl_delay: float = Field(default=30.0, ge=0, description="cap on robots.txt Crawl-delay")
    respect_robots: bool = True
    allow_private: bool = False
