"""Exports of the Reports workspace: one CSV file per report and a PDF report.

The figures come from :func:`practice.economics.reports.practice_report`; this package
only writes them out (files readable by their owner only: they name clients).
"""
