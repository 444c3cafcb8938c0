"""One typed Settings object (prefix ``DKG_``), validated at start-up and passed in."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = REPO_ROOT / "data"
GAZETTEER_DIR = DATA_DIR / "gazetteer"
ARTICLES_DIR = DATA_DIR / "articles"


class Settings(BaseSettings):
    """Runtime settings; every field can be set as an environment variable DKG_<NAME>."""

    model_config = SettingsConfigDict(env_prefix="DKG_", extra="ignore")

    store: Path = Field(Path("var/store"), description="directory of the embedded store")
    api_token: str | None = Field(None, description="token for write endpoints; unset = writes off")
    query_timeout: float = Field(30.0, gt=0, description="seconds a SPARQL query may run")
    max_results: int = Field(100_000, gt=0, description="most rows/triples a query may return")
    query_workers: int = Field(2, gt=0, description="worker processes for /sparql queries")
    max_article_bytes: int = Field(5_000_000, gt=0, description="largest article file accepted")
    viz_max_nodes: int = Field(300, gt=0, description="most nodes drawn in one picture")
    gazetteer: Path = Field(GAZETTEER_DIR, description="directory of the gazetteer YAML files")
    cors_origins: list[str] = Field(default_factory=list, description="allowed CORS origins")
    endpoint: str | None = Field(
        None, description="a remote SPARQL query endpoint to use instead of the embedded store"
    )
    update_endpoint: str | None = Field(
        None, description="the remote SPARQL update endpoint (default: the query endpoint)"
    )
    service_allow: list[str] = Field(
        default_factory=list, description="SPARQL endpoints that SERVICE may call"
    )
