"""Scoring script for examples/model-1 (written for this project).

Azure ML calls init() once when the container starts and run() for every request. The model is a JSON file
holding the intercept and coefficients of a linear regression, so scoring needs only the standard library
and numpy (no pickle: a pickle would tie the model to one scikit-learn version).
"""
import json
import logging
import os

import numpy

model = None


def init():
    global model
    # AZUREML_MODEL_DIR is the registered model's folder; the uploaded folder keeps its name, "model".
    path = os.path.join(os.getenv("AZUREML_MODEL_DIR", "."), "model", "model.json")
    with open(path, encoding="utf-8") as f:
        model = json.load(f)
    logging.info("model loaded from %s", path)


def run(raw_data):
    data = numpy.array(json.loads(raw_data)["data"], dtype=float)
    coefficients = numpy.array(model["coefficients"], dtype=float)
    if data.ndim != 2 or data.shape[1] != coefficients.shape[0]:
        return {"error": f"expected rows of {coefficients.shape[0]} numbers, got shape {list(data.shape)}"}
    return (data @ coefficients + model["intercept"]).tolist()
