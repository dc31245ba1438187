"""Task–target links get a state (suggested, confirmed, removed), who decided and when.

The plain many-to-many table plans_task_indicators becomes the table of TaskIndicator
without being copied (Django's recipe for adding a through model): the state operations
describe the model, the database keeps its rows, and every existing link is a suggestion
of the reader until a person confirms it.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0007_indicator_plausibility_rule"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="TaskIndicator",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "task",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="links",
                                to="plans.task",
                                verbose_name="nhiệm vụ",
                            ),
                        ),
                        (
                            "indicator",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="task_links",
                                to="plans.indicator",
                                verbose_name="chỉ tiêu",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "liên kết nhiệm vụ – chỉ tiêu",
                        "verbose_name_plural": "liên kết nhiệm vụ – chỉ tiêu",
                        "db_table": "plans_task_indicators",
                        "unique_together": {("task", "indicator")},
                    },
                ),
                migrations.AlterField(
                    model_name="task",
                    name="indicators",
                    field=models.ManyToManyField(
                        blank=True,
                        through="plans.TaskIndicator",
                        to="plans.indicator",
                        verbose_name="chỉ tiêu liên quan",
                    ),
                ),
            ],
            database_operations=[],
        ),
        migrations.AddField(
            model_name="taskindicator",
            name="state",
            field=models.CharField(
                choices=[
                    ("goi_y", "Gợi ý (bộ đọc)"),
                    ("xac_nhan", "Đã xác nhận"),
                    ("da_bo", "Đã bỏ"),
                ],
                default="goi_y",
                max_length=10,
                verbose_name="trạng thái",
            ),
        ),
        migrations.AddField(
            model_name="taskindicator",
            name="decided_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="người quyết định",
            ),
        ),
        migrations.AddField(
            model_name="taskindicator",
            name="decided_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="lúc quyết định"),
        ),
    ]
