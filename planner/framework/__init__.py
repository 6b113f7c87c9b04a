"""The competency framework: areas, competencies, level scale, profiles, activities."""
