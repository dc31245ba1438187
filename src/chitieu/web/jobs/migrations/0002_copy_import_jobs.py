"""The web imports recorded before jobs had an app of their own (figures.ImportJob) become
Job rows of kind "import", under the same token, so their pages still open. The old table
stays, read-only in the admin, as it was."""

from typing import Any

from django.db import migrations


def copy_import_jobs(apps: Any, schema_editor: Any) -> None:
    ImportJob = apps.get_model("figures", "ImportJob")
    Job = apps.get_model("jobs", "Job")
    known = set(Job.objects.values_list("token", flat=True))
    Job.objects.bulk_create(
        [
            Job(
                token=old.token,
                kind="import",
                name=old.name,
                state=old.state,
                done=old.done,
                total=old.total,
                message=old.message,
                result=old.result,
                started_by_id=old.started_by_id,
                created_at=old.created_at,
                finished_at=old.finished_at,
                heartbeat_at=old.finished_at,
                attempts=1,
            )
            for old in ImportJob.objects.all()
            if old.token not in known
        ]
    )


class Migration(migrations.Migration):
    dependencies = [("jobs", "0001_initial"), ("figures", "0003_import_job")]

    operations = [migrations.RunPython(copy_import_jobs, migrations.RunPython.noop)]
