"""Settings of the polite HTTP client, declared once as one frozen model."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

USER_AGENT = (
    "vbsp-extractor/0.1 (research crawler for social policy credit figures; "
    "+https://github.com/vbsp-extractor; honours robots.txt)"
)
ROBOTS_TOKEN = "vbsp-extractor"


class FetchOptions(BaseModel):
    """How politely and how far the client fetches; tests shrink the delays to ~0."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    user_agent: str = USER_AGENT
    robots_token: str = ROBOTS_TOKEN
    delay: float = Field(default=1.0, ge=0, description="seconds between requests to one host")
    timeout: float = Field(default=20.0, gt=0, description="seconds to connect / wait for data")
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
