import { z } from "zod";

// Field messages are shown to staff next to the field: a missing value says "required", not a type.
z.config({
  customError: (issue) => (issue.input === undefined && issue.code !== "custom" ? "required" : undefined),
});
