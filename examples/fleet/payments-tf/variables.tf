variable "node_runtime" {
  description = "Lambda runtime for every function"
  type        = string
  default     = "nodejs20.x"
}

variable "refund_memory" {
  type    = number
  default = 384
}
