"""Django's JSON serializer, keeping every microsecond of a timestamp.

Django's encoder cuts datetimes to milliseconds, so a history row written at
16:11:37.000123 came back from a restore as 16:11:37 and the dump of the restored
database no longer matched the dump it came from. Registered as the "json" format
in settings, so dumpdata, loaddata and the backup all use it.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.serializers.json import Deserializer, DjangoJSONEncoder
from django.core.serializers.json import Serializer as DjangoSerializer

__all__ = ["Deserializer", "Serializer"]


class FullPrecisionEncoder(DjangoJSONEncoder):
    def default(self, o: Any) -> Any:
        if isinstance(o, datetime.datetime | datetime.time):
            text = o.isoformat()
            return text[:-6] + "Z" if text.endswith("+00:00") else text
        return super().default(o)


class Serializer(DjangoSerializer):
    def _init_options(self) -> None:
        super()._init_options()
        self.json_kwargs["cls"] = FullPrecisionEncoder
