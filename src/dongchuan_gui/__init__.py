"""Dongchuan Workbench: a desktop record of Dongchuan's poverty-alleviation programs."""

__version__ = "0.1.0"
