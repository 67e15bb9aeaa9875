-- Predictive scaling: a policy's forecast settings (null: none) and each evaluation's forecast floor.
ALTER TABLE scaling_policies ADD COLUMN predictive jsonb;
ALTER TABLE scaling_evaluations ADD COLUMN forecast_floor integer;
