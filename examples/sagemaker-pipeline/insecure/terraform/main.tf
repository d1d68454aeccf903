# SageMaker training and inference pipeline (insecure first draft).
provider "aws" {
  region = "eu-west-1"
}

resource "aws_s3_bucket" "training_data" {
  bucket = "churn-training-data"
}

resource "aws_s3_bucket" "model_artifacts" {
  bucket = "churn-model-artifacts"
}

resource "aws_iam_role" "execution" {
  name = "churn-execution"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "sagemaker.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy_attachment" "sagemaker_full" {
  role       = aws_iam_role.execution.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSageMakerFullAccess"
}

resource "aws_iam_role_policy" "everything" {
  role = aws_iam_role.execution.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["sagemaker:*", "s3:*"], Resource = "*" }]
  })
}

resource "aws_sagemaker_notebook_instance" "notebook" {
  name          = "churn-notebook"
  role_arn      = aws_iam_role.execution.arn
  instance_type = "ml.t3.medium"
}

resource "aws_sagemaker_domain" "studio" {
  domain_name = "churn-studio"
  auth_mode   = "IAM"
  vpc_id      = "vpc-0123456789abcdef0"
  subnet_ids  = ["subnet-0123456789abcdef0"]
  default_user_settings {
    execution_role = aws_iam_role.execution.arn
  }
}

resource "aws_sagemaker_model" "churn" {
  name               = "churn"
  execution_role_arn = aws_iam_role.execution.arn
  primary_container {
    image          = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/churn-xgboost:latest"
    model_data_url = "s3://${aws_s3_bucket.model_artifacts.id}/model.tar.gz"
  }
}

resource "aws_sagemaker_endpoint_configuration" "churn" {
  name = "churn"
  production_variants {
    variant_name           = "primary"
    model_name             = aws_sagemaker_model.churn.name
    initial_instance_count = 1
    instance_type          = "ml.m5.large"
  }
}

resource "aws_sagemaker_endpoint" "churn" {
  name                 = "churn"
  endpoint_config_name = aws_sagemaker_endpoint_configuration.churn.name
}

resource "aws_sagemaker_data_quality_job_definition" "churn" {
  name     = "churn-data-quality"
  role_arn = aws_iam_role.execution.arn
  data_quality_app_specification {
    image_uri = "468650794304.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-model-monitor-analyzer"
  }
  data_quality_job_input {
    endpoint_input {
      endpoint_name = aws_sagemaker_endpoint.churn.name
    }
  }
  data_quality_job_output_config {
    monitoring_outputs {
      s3_output {
        s3_uri = "s3://${aws_s3_bucket.model_artifacts.id}/monitoring/"
      }
    }
  }
  job_resources {
    cluster_config {
      instance_count    = 1
      instance_type     = "ml.m5.large"
      volume_size_in_gb = 20
    }
  }
}

resource "aws_sagemaker_feature_group" "customers" {
  feature_group_name             = "customer-features"
  record_identifier_feature_name = "customer_id"
  event_time_feature_name        = "event_time"
  role_arn                       = aws_iam_role.execution.arn
  feature_definition {
    feature_name = "customer_id"
    feature_type = "String"
  }
  feature_definition {
    feature_name = "event_time"
    feature_type = "String"
  }
  online_store_config {
    enable_online_store = true
  }
  offline_store_config {
    s3_storage_config {
      s3_uri = "s3://${aws_s3_bucket.training_data.id}/feature-store/"
    }
  }
}
