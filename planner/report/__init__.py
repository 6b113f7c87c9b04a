"""The printable development plan: its data, HTML, PDF pages, Markdown and calendar export.

Sits after the analysis layer: it reads services and analysis, may draw with QtGui
(text documents, PDF writer, painter) but never uses widgets.

Entry points: ``plan_data.build_plan`` gathers a ``Plan``; ``paginated_plan.PaginatedPlan``
lays it out on pages and ``plan_pdf.write_pdf`` prints them; ``plan_markdown.plan_markdown``
writes it as Markdown; ``calendar_ics.write_calendar`` exports goal and milestone due dates.
"""
